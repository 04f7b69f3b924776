import { describe, expect, it } from "vitest";
import { parseEnv } from "@/lib/env";
import { workerCount } from "./workers";

describe("workerCount", () => {
  it.each([
    [undefined, 2, 2],
    [undefined, 1, 1],
    [undefined, 4, 4],
    [undefined, 128, 4],
    [1, 2, 1],
    [8, 2, 8],
  ])("SAMVARD_WORKERS=%s on %i cores: %i processes", (setting, cores, expected) => {
    expect(workerCount(setting, cores)).toBe(expected);
  });

  it.each(["0", "-1", "1.5", "many", "65"])("the setting refuses SAMVARD_WORKERS=%s", (setting) => {
    expect(() => parseEnv({ SAMVARD_WORKERS: setting } as unknown as NodeJS.ProcessEnv)).toThrow(
      /SAMVARD_WORKERS/,
    );
  });

  it.each([
    ["", undefined],
    ["3", 3],
  ])("the setting reads SAMVARD_WORKERS=%j as %s", (setting, expected) => {
    expect(parseEnv({ SAMVARD_WORKERS: setting } as unknown as NodeJS.ProcessEnv).SAMVARD_WORKERS).toBe(
      expected,
    );
  });
});
