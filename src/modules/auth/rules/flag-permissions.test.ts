import { describe, expect, it } from "vitest";
import { FLAG_CODES } from "@/modules/clinical/rules/flags";
import { mayHandle } from "./permissions";

describe("who may handle a flag", () => {
  it.each([
    ["SAFETY_RISK", ["ALLMANLAKARE", "PSYKIATER"]],
    ["SAFETY_CHECK", ["VARDSAMORDNARE"]],
    ["SEVERE", ["ALLMANLAKARE", "PSYKIATER"]],
    ["WORSENING", ["ALLMANLAKARE"]],
    ["NO_BASELINE", ["VARDSAMORDNARE"]],
    ["EARLY_NON_RESPONSE", ["ALLMANLAKARE"]],
    ["NO_RESPONSE", ["PSYKIATER"]],
    ["OVERDUE_CONTACT", ["VARDSAMORDNARE"]],
    ["TWELVE_WEEK_DECISION", ["ALLMANLAKARE", "PSYKIATER"]],
    ["INACTIVE", ["VARDSAMORDNARE"]],
    ["MARKED_FOR_REVIEW", ["PSYKIATER"]],
  ] as const)("%s: %o", (code, roles) => {
    const all = ["VARDSAMORDNARE", "ALLMANLAKARE", "PSYKIATER", "VERKSAMHETSCHEF"] as const;
    expect(all.filter((r) => mayHandle(r, code))).toEqual(roles);
  });

  it("a verksamhetschef handles no flag", () => {
    expect(FLAG_CODES.some((c) => mayHandle("VERKSAMHETSCHEF", c))).toBe(false);
  });
});
