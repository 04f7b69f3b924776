import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DEFAULT_RULE_SETTINGS, RULE_SETTING_KEYS, ZRuleSettings, type RuleSettings } from "./settings";
import { arbSettings } from "./test-builders";

const refused = (patch: Partial<RuleSettings>) => {
  const r = ZRuleSettings.safeParse({ ...DEFAULT_RULE_SETTINGS, ...patch });
  return r.success ? [] : r.error.issues.map((i) => i.path.join("."));
};

describe("valid rule settings", () => {
  it("domain.md's defaults are valid", () => {
    expect(ZRuleSettings.parse(DEFAULT_RULE_SETTINGS)).toEqual(DEFAULT_RULE_SETTINGS);
  });

  it.each([
    ["SAFETY_RISK beyond item 9's scale (switched off)", { safetyRiskItem9: 7 }, "safetyRiskItem9"],
    ["SAFETY_CHECK at SAFETY_RISK (switched off)", { safetyCheckItem9: 4 }, "safetyCheckItem9"],
    ["SAFETY_CHECK above SAFETY_RISK", { safetyRiskItem9: 3, safetyCheckItem9: 5 }, "safetyCheckItem9"],
    ["SEVERE beyond the scale", { severeTotal: 55 }, "severeTotal"],
    ["partial response at response", { partialResponsePercent: 50 }, "partialResponsePercent"],
    ["remission's baseline at its limit", { remissionMinBaseline: 12 }, "remissionMinBaseline"],
    ["NO_BASELINE inside the baseline window", { noBaselineDays: 14 }, "noBaselineDays"],
    ["early non-response after no response", { earlyNonResponseDays: 60 }, "noResponseDays"],
    ["no response after 12 weeks", { noResponseDays: 90 }, "twelveWeekDays"],
    ["INACTIVE before OVERDUE_CONTACT", { inactiveDays: 30, overdueContactDays: 30 }, "inactiveDays"],
    ["a fraction", { worseningPoints: 2.5 }, "worseningPoints"],
  ])("refuses %s", (_name, patch, path) => {
    expect(refused(patch)).toContain(path);
  });

  it("names every setting", () => {
    expect(Object.keys(ZRuleSettings.shape).sort()).toEqual([...RULE_SETTING_KEYS].sort());
  });

  it("property: the generator of the property tests draws only valid settings", () => {
    fc.assert(
      fc.property(arbSettings, (s) => {
        expect(ZRuleSettings.safeParse(s).success).toBe(true);
      }),
    );
  });
});
