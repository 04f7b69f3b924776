import { describe, expect, it } from "vitest";
import { ROLES } from "../roles";
import { PERMISSIONS, may, type Permission } from "./permissions";

// domain.md's permission table, row by row: who may do what.
const TABLE: Record<Permission, readonly string[]> = {
  "clinical:read": ["VARDSAMORDNARE", "ALLMANLAKARE", "PSYKIATER"],
  "clinical:write": ["VARDSAMORDNARE", "ALLMANLAKARE"],
  "review:request": ["VARDSAMORDNARE", "ALLMANLAKARE"],
  "review:conduct": ["PSYKIATER"],
  "identity:lookup": ["VARDSAMORDNARE", "ALLMANLAKARE", "PSYKIATER", "VERKSAMHETSCHEF"],
  "unit:administer": ["VERKSAMHETSCHEF"],
};

describe("the permission table", () => {
  it.each(Object.entries(TABLE))("%s: %o", (permission, roles) => {
    expect(ROLES.filter((r) => may(r, permission as Permission))).toEqual(roles);
  });

  it("has exactly the rows of the table", () => {
    expect(Object.keys(PERMISSIONS).sort()).toEqual(Object.keys(TABLE).sort());
  });

  it("a verksamhetschef never reads the clinical record", () => {
    expect(may("VERKSAMHETSCHEF", "clinical:read")).toBe(false);
    expect(may("VERKSAMHETSCHEF", "clinical:write")).toBe(false);
  });
});
