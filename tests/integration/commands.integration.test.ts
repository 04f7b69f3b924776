import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { systemDb } from "@/lib/db/client";
import { attemptLogin } from "@/modules/auth/lib/login";
import { unique } from "../support/factories";

const run = promisify(execFile);
const tsx = (script: string, args: string[], env: Record<string, string> = {}) =>
  run("node_modules/.bin/node", ["--import", "tsx", "--conditions=react-server", script, ...args], {
    env: { ...process.env, ...env },
  });

describe("npm run user:create", () => {
  it("creates the unit and a user who can log in", async () => {
    const username = unique("chef").toLowerCase();
    const unitName = unique("Vårdcentralen Ny");
    const { stdout } = await tsx(
      "src/cli/user-create.ts",
      ["--username", username, "--name", "Ny Chef", "--role", "VERKSAMHETSCHEF", "--unit", unitName],
      { SAMVARD_PASSWORD: "ett-langt-losenord" },
    );
    expect(stdout).toContain(`Created ${username} (VERKSAMHETSCHEF) in ${unitName}`);
    const user = await systemDb().user.findUniqueOrThrow({
      where: { username },
      include: { memberships: { include: { unit: true } } },
    });
    expect(user.memberships.map((m) => m.unit.name)).toEqual([unitName]);
    expect((await attemptLogin({ username, password: "ett-langt-losenord" })).ok).toBe(true);
  });

  it("refuses an unknown role with a clear message", async () => {
    await expect(
      tsx("src/cli/user-create.ts", ["--username", "xyz", "--name", "X", "--role", "ADMIN", "--unit", "U"]),
    ).rejects.toMatchObject({
      code: 2,
      stderr: expect.stringContaining("role") as unknown,
    });
  });
});
