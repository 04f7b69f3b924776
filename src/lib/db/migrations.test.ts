import { describe, expect, it } from "vitest";
import { compareMigrations, expectedMigrations } from "./migrations";

const done = (name: string) => ({ name, finished: true, rolledBack: false });

describe("compareMigrations", () => {
  it("up to date when every expected migration finished", () => {
    expect(compareMigrations(["a", "b"], [done("a"), done("b")])).toEqual({ state: "up to date" });
  });
  it("names the pending ones", () => {
    expect(compareMigrations(["a", "b", "c"], [done("a")])).toEqual({ state: "pending", names: ["b", "c"] });
  });
  it("a failed migration wins over pending", () => {
    expect(compareMigrations(["a", "b"], [{ name: "a", finished: false, rolledBack: false }])).toEqual({
      state: "failed",
      names: ["a"],
    });
  });
  it("a rolled-back attempt is pending, not failed", () => {
    expect(compareMigrations(["a"], [{ name: "a", finished: false, rolledBack: true }])).toEqual({
      state: "pending",
      names: ["a"],
    });
  });
  it("reads this repository's migrations: timestamped folders with a migration.sql", () => {
    const names = expectedMigrations();
    expect(names).toContain("20261122195258_access_log_append_only");
    for (const name of names) expect(name).toMatch(/^\d{14}_[a-z0-9_]+$/);
  });
});
