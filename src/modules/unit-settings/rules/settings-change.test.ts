import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addDays } from "@/lib/local-date";
import { DEFAULT_METHOD_SETTINGS } from "@/modules/clinical/rules/adherence";
import { DEFAULT_RULE_SETTINGS } from "@/modules/clinical/rules/settings";
import { versionInForce } from "@/modules/clinical/rules/settings-version";
import {
  changedKeys,
  compareFlags,
  flatSettings,
  settingsFromForm,
  validFromRefusal,
  ZSettingsChange,
} from "./settings-change";
import { DEFAULT_EARLY_IMPROVEMENT } from "@/modules/clinical/rules/early-improvement";
import { DEFAULT_SELF_REPORT_SETTINGS } from "@/modules/self-report/rules/link-settings";

const today = "2026-12-04";
const defaults = {
  rules: DEFAULT_RULE_SETTINGS,
  method: DEFAULT_METHOD_SETTINGS,
  early: DEFAULT_EARLY_IMPROVEMENT,
  selfReport: DEFAULT_SELF_REPORT_SETTINGS,
};

describe("validFromRefusal", () => {
  it.each([
    [today, null],
    [addDays(today, 1), null],
    [addDays(today, 366), null],
    [addDays(today, -1), "inte bakåt"],
    [addDays(today, 367), "ett år"],
  ])("%s → %s", (day, refusal) => {
    const r = validFromRefusal(day, today);
    if (refusal === null) expect(r).toBeNull();
    else expect(r).toContain(refusal);
  });
});

describe("the settings form", () => {
  const form = (over: Record<string, string> = {}) => ({
    validFrom: today,
    ...Object.fromEntries(Object.entries(flatSettings(defaults)).map(([k, v]) => [k, String(v)])),
    ...over,
  });

  it("parses every field into the core's settings", () => {
    expect(ZSettingsChange.parse(settingsFromForm(form()))).toEqual({ validFrom: today, ...defaults });
  });

  it.each([
    [{ "rules.safetyRiskItem9": "7" }, "rules.safetyRiskItem9"],
    [{ "rules.safetyCheckItem9": "4" }, "rules.safetyCheckItem9"],
    [{ "rules.severeTotal": "" }, "rules.severeTotal"],
    [{ "rules.severeTotal": "3.5" }, "rules.severeTotal"],
    [{ "method.contactWeeks": "40" }, "method.contactWeeks"],
    [{ "early.fromDay": "30", "early.toDay": "20" }, "early.toDay"],
    [{ "early.percent": "0" }, "early.percent"],
    [{ "selfReport.linkDays": "31" }, "selfReport.linkDays"],
    [{ validFrom: "4/12" }, "validFrom"],
  ])("%j is refused on the field %s (a safety threshold cannot be switched off)", (over, field) => {
    const r = ZSettingsChange.safeParse(settingsFromForm(form(over)));
    expect(r.success).toBe(false);
    expect(r.error!.issues.map((i) => i.path.join("."))).toContain(field);
  });
});

describe("changedKeys", () => {
  it("names the fields that differ, in the form's order", () => {
    const b = {
      rules: { ...DEFAULT_RULE_SETTINGS, severeTotal: 40, baselineWindowDays: 10 },
      method: { ...DEFAULT_METHOD_SETTINGS, contactWeeks: 10 },
      early: { ...DEFAULT_EARLY_IMPROVEMENT, toDay: 35 },
      selfReport: { linkDays: 3 },
    };
    expect(changedKeys(defaults, b)).toEqual([
      "rules.baselineWindowDays",
      "rules.severeTotal",
      "method.contactWeeks",
      "early.toDay",
      "selfReport.linkDays",
    ]);
    expect(changedKeys(defaults, defaults)).toEqual([]);
  });
});

describe("versionInForce", () => {
  const v = (id: string, validFrom: string, made: number) => ({ id, validFrom, createdAt: new Date(made) });

  it("takes the latest valid-from on or before the day, the latest made among equals", () => {
    const versions = [
      v("a", "2026-01-01", 1),
      v("b", "2026-06-01", 2),
      v("c", "2026-06-01", 3),
      v("d", "2027-01-01", 4),
    ];
    expect(versionInForce(versions, "2025-12-31")).toBeUndefined();
    expect(versionInForce(versions, "2026-05-31")?.id).toBe("a");
    expect(versionInForce(versions, "2026-06-01")?.id).toBe("c");
    expect(versionInForce(versions, "2026-12-31")?.id).toBe("c");
    expect(versionInForce(versions, "2027-01-01")?.id).toBe("d");
  });

  it("equals sorting by (valid-from, made) and taking the last on or before the day, in any order", () => {
    const day = fc.integer({ min: 0, max: 60 }).map((n) => addDays("2026-01-01", n));
    fc.assert(
      fc.property(
        fc.array(fc.tuple(day, fc.integer({ min: 0, max: 1e6 })), { maxLength: 12 }),
        day,
        (raw, asOf) => {
          const versions = raw.map(([d, t], i) => v(String(i), d, t * 100 + i));
          const oracle = [...versions]
            .filter((x) => x.validFrom <= asOf)
            .sort(
              (a, b) =>
                a.validFrom.localeCompare(b.validFrom) || a.createdAt.getTime() - b.createdAt.getTime(),
            )
            .at(-1);
          expect(versionInForce(versions, asOf)).toBe(oracle);
          expect(versionInForce([...versions].reverse(), asOf)).toBe(oracle);
        },
      ),
    );
  });
});

describe("compareFlags", () => {
  it("counts the episodes whose set of codes changes and each code before and after", () => {
    expect(
      compareFlags([
        { before: ["OVERDUE_CONTACT"], after: [] },
        { before: ["SEVERE", "OVERDUE_CONTACT"], after: ["OVERDUE_CONTACT", "SEVERE"] },
        { before: [], after: ["SEVERE"] },
        { before: [], after: [] },
      ]),
    ).toEqual({
      episodes: 4,
      changed: 2,
      byCode: [
        { code: "SEVERE", before: 1, after: 2 },
        { code: "OVERDUE_CONTACT", before: 2, after: 1 },
      ],
    });
  });
});
