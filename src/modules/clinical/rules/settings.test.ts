import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ZRuleSettings } from "./setting-schemas";
import { DEFAULT_RULE_SETTINGS, RULE_SETTING_KEYS, type RuleSettings } from "./settings";
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

  it.each([
    [{ safetyCheckItem9: 4 }, "safetyCheckItem9", "Riskbedömning måste börja under gränsen för suicidrisk."],
    [
      { partialResponsePercent: 50 },
      "partialResponsePercent",
      "Delvis svar måste vara lägre än behandlingssvar.",
    ],
    [
      { remissionMinBaseline: 12 },
      "remissionMinBaseline",
      "Lägsta utgångsvärde för remission måste vara högre än remissionsgränsen.",
    ],
    [
      { noBaselineDays: 14 },
      "noBaselineDays",
      "Saknat utgångsvärde kan flaggas först efter fönstret för utgångsvärde.",
    ],
    [
      { earlyNonResponseDays: 15 },
      "earlyNonResponseDays",
      "Otillräcklig förbättring bedöms efter saknat utgångsvärde.",
    ],
    [{ noResponseDays: 42 }, "noResponseDays", "Ej behandlingssvar bedöms efter otillräcklig förbättring."],
    [
      { twelveWeekDays: 56, noResponseDays: 57 },
      "twelveWeekDays",
      "12-veckorsbeslutet kan inte komma före bedömningen av behandlingssvar.",
    ],
    [
      { inactiveDays: 30, overdueContactDays: 30 },
      "inactiveDays",
      "Ingen kontakt måste vara längre än Kontakt försenad.",
    ],
  ])("an ordering says in Swedish what is wrong: %o", (patch, path, message) => {
    const r = ZRuleSettings.safeParse({ ...DEFAULT_RULE_SETTINGS, ...patch });
    expect(r.success ? [] : r.error.issues.map((i) => [i.path.join("."), i.message])).toContainEqual([
      path,
      message,
    ]);
  });

  it.each([
    ["noBaselineDays", { noBaselineDays: 15, earlyNonResponseDays: 16 }],
    ["noResponseDays", { earlyNonResponseDays: 42, noResponseDays: 43 }],
    ["twelveWeekDays", { noResponseDays: 84, twelveWeekDays: 84 }],
  ])("the orderings are strict only where they must be (%s)", (_name, patch) => {
    expect(refused(patch)).toEqual([]);
  });

  // Each setting's bounds, with the label the settings page shows.
  it.each([
    ["baselineWindowDays", 0, 28, "Fönster för utgångsvärde (dagar)"],
    ["responsePercent", 10, 100, "Behandlingssvar (%)"],
    ["partialResponsePercent", 5, 95, "Delvis svar (%)"],
    ["remissionMaxTotal", 0, 20, "Remission, högsta poäng"],
    ["remissionMinBaseline", 1, 54, "Remission, lägsta utgångsvärde"],
    ["safetyRiskItem9", 2, 6, "Suicidrisk, Livslust från"],
    ["safetyCheckItem9", 1, 5, "Riskbedömning, Livslust från"],
    ["severeTotal", 20, 54, "Svår depression, poäng från"],
    ["worseningPoints", 1, 20, "Försämring, poäng över utgångsvärdet"],
    ["noBaselineDays", 1, 42, "Saknar utgångsvärde efter (dagar)"],
    ["earlyNonResponseDays", 14, 83, "Otillräcklig förbättring från dag"],
    ["noResponseDays", 21, 112, "Ej behandlingssvar från dag"],
    ["overdueContactDays", 3, 60, "Kontakt försenad efter (dagar)"],
    ["twelveWeekDays", 56, 182, "12 veckor – beslut från dag"],
    ["inactiveDays", 30, 365, "Ingen kontakt på (dagar)"],
    ["responseRecheckDays", 7, 84, "Ny bedömning av behandlingssvar efter (dagar)"],
  ] as const)("%s lies in %i–%i: %s", (key, min, max, label) => {
    const message = (value: unknown) => {
      const r = ZRuleSettings.safeParse({ ...DEFAULT_RULE_SETTINGS, [key]: value });
      return r.success ? undefined : r.error.issues.find((i) => i.path[0] === key)?.message;
    };
    expect(message(min - 1)).toBe(`${label}: lägst ${min}.`);
    expect(message(max + 1)).toBe(`${label}: högst ${max}.`);
    expect(message(min + 0.5)).toBe(`${label}: ange ett heltal.`);
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
