import { describe, expect, it } from "vitest";
import { workerCount } from "./workers";

describe("workerCount", () => {
  it.each([
    [undefined, 2, 2],
    ["", 8, 4],
    [undefined, 1, 1],
    [undefined, 128, 4],
    [undefined, 4, 4],
    ["1", 2, 1],
    ["4", 2, 4],
  ])("SAMVARD_WORKERS=%s on %i cores: %i processes", (setting, cores, expected) => {
    expect(workerCount(setting, cores)).toBe(expected);
  });

  it.each(["0", "-1", "1.5", "many", "65", " ", " 2"])("refuses %s", (setting) => {
    expect(() => workerCount(setting, 2)).toThrow(/SAMVARD_WORKERS/);
  });
});
