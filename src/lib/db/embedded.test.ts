import { describe, expect, it } from "vitest";
import { scramOnly } from "./embedded";

const HBA = `# TYPE  DATABASE        USER            ADDRESS                 METHOD
# "local" is for Unix domain socket connections only; password or trust here
local   all             all                                     password
host    all             all             127.0.0.1/32            password
host    all             all             ::1/128                 md5
local   replication     all                                     trust
hostssl all             all             10.0.0.0/8              scram-sha-256
`;

describe("scramOnly", () => {
  it("makes every rule's method scram-sha-256 and leaves comments alone", () => {
    const out = scramOnly(HBA);
    const rules = out.split("\n").filter((l) => /^(local|host)/.test(l));
    expect(rules).toHaveLength(5);
    for (const r of rules) expect(r).toMatch(/\sscram-sha-256$/);
    expect(out.split("\n").slice(0, 2)).toEqual(HBA.split("\n").slice(0, 2));
  });
  it("is idempotent", () => expect(scramOnly(scramOnly(HBA))).toBe(scramOnly(HBA)));
});
