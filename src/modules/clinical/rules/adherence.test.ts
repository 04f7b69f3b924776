import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DEFAULT_METHOD_SETTINGS, methodAdherence, type MethodSettings } from "./adherence";
import { ZMethodSettings } from "./setting-schemas";
import { contact, day, episode, statusChange, weeklyCalls } from "./test-builders";
import type { CoreContact } from "./facts";

const adherence = (contacts: CoreContact[], asOfDay: number, s: MethodSettings = DEFAULT_METHOD_SETTINGS) =>
  methodAdherence(episode({ contacts }), day(asOfDay), s);
const visit = (d: number, total: number | null = 20) => contact(d, total, { type: "IN_PERSON" });

describe("physical meetings of 2, from the start to day 91", () => {
  it.each([
    ["a meeting on day 91 counts", [visit(0), visit(91)], 95, 2],
    ["a meeting on day 92 does not", [visit(0), visit(92)], 95, 1],
    ["a meeting after asOf does not count yet", [visit(0), visit(20)], 19, 1],
    ["a meeting dated before the start does not count", [visit(-1), visit(0)], 19, 1],
    ["a phone call is not a physical meeting", [visit(0), contact(7, 20)], 30, 1],
    [
      "an unreached visit does not count",
      [visit(0), contact(14, null, { type: "IN_PERSON", reached: false })],
      30,
      1,
    ],
    [
      "a meeting with another actor does not count",
      [visit(0), contact(14, null, { type: "IN_PERSON", counterpart: "ARBETSGIVARE" })],
      30,
      1,
    ],
  ])("%s", (_name, contacts, asOf, done) => {
    expect(adherence(contacts, asOf).physical).toMatchObject({ done, target: 2 });
  });

  it.each([
    [76, false], // week 11: the closing meeting is not due yet
    [77, true], // week 12 begins: one meeting missing is a shortfall
  ])("one meeting on day %i is a shortfall: %s", (asOf, shortfall) => {
    expect(adherence([visit(0)], asOf).physical.shortfall).toBe(shortfall);
  });

  it("two meetings are never a shortfall", () => {
    expect(adherence([visit(0), visit(80)], 100).physical.shortfall).toBe(false);
  });
});

describe("weeks with a reached patient contact", () => {
  it.each([
    // asOf day, contacts, [withContact, counted, missed]
    [
      "day 0, the enrollment meeting: the current week counts once it has a contact",
      0,
      [visit(0)],
      [1, 1, []],
    ],
    ["day 0 without a contact: nothing is counted yet", 0, [], [0, 0, []]],
    ["day 6, the last day of week 1, still current", 6, [], [0, 0, []]],
    ["day 7: week 1 is completed and missed", 7, [], [0, 1, [1]]],
    ["day 7, week 2 has no contact yet: the figure does not drop", 7, [visit(0)], [1, 1, []]],
    ["the current week's first contact counts at once", 8, [visit(0), contact(8, 20)], [2, 2, []]],
    ["a week with only a physical meeting counts", 14, [visit(0), visit(9)], [2, 2, []]],
    ["week 12, the last, counts once it has its contact", 80, weeklyCalls(0, 77), [12, 12, []]],
    ["week 12 before its contact", 78, weeklyCalls(0, 70), [11, 11, []]],
    ["two contacts in one week count once", 14, [visit(0), contact(2, 20), contact(9, 20)], [2, 2, []]],
    [
      "an attempt or a call with another actor is no contact with the patient",
      14,
      [visit(0), contact(8, null, { reached: false }), contact(9, null, { counterpart: "SOCIALTJANST" })],
      [1, 2, [2]],
    ],
    ["weeks after week 12 are not counted", 120, weeklyCalls(0, 119), [12, 12, []]],
    [
      "a missed week in the middle is named",
      35,
      [...weeklyCalls(0, 13), ...weeklyCalls(21, 34)],
      [4, 5, [3]],
    ],
  ] as const)("%s", (_name, asOf, contacts, [withContact, counted, missed]) => {
    expect(adherence([...contacts], asOf).weeks).toEqual({ withContact, counted, missed: [...missed] });
  });

  it("before the start nothing is counted", () => {
    expect(adherence([], -3)).toEqual({
      physical: { done: 0, target: 2, shortfall: false },
      weeks: { withContact: 0, counted: 0, missed: [] },
      scores: { scored: 0, reached: 0 },
    });
  });

  it("the number of weeks is the unit's setting; the shortfall of a meeting is still from week 12", () => {
    const s = { ...DEFAULT_METHOD_SETTINGS, contactWeeks: 8 };
    expect(adherence(weeklyCalls(0, 100), 100, s).weeks).toEqual({ withContact: 8, counted: 8, missed: [] });
    expect(adherence([visit(0)], 76, s).physical.shortfall).toBe(false);
    expect(adherence([visit(0)], 77, s).physical.shortfall).toBe(true);
  });

  it("a closed episode is measured up to its closing: no weeks missed after it, no shortfall before week 12", () => {
    const moved = methodAdherence(
      episode({ contacts: [visit(0), contact(7, 20)], statusChanges: [statusChange("DEACTIVATED", 20)] }),
      day(100),
      DEFAULT_METHOD_SETTINGS,
    );
    expect(moved).toEqual({
      physical: { done: 1, target: 2, shortfall: false },
      weeks: { withContact: 2, counted: 2, missed: [] }, // day 20: weeks 1 and 2 completed, week 3 had no contact yet
      scores: { scored: 2, reached: 2 },
    });
    const completed = methodAdherence(
      episode({ contacts: [visit(0)], statusChanges: [statusChange("COMPLETED", 80)] }),
      day(100),
      DEFAULT_METHOD_SETTINGS,
    );
    expect(completed.physical.shortfall).toBe(true); // closed in week 12 with one meeting
    // Relapse prevention does not close it, nor does a closing dated after asOf.
    const rp = methodAdherence(
      episode({ contacts: weeklyCalls(0, 98), statusChanges: [statusChange("RELAPSE_PREVENTION", 50)] }),
      day(100),
      DEFAULT_METHOD_SETTINGS,
    );
    expect(rp.weeks.counted).toBe(12);
    const later = methodAdherence(
      episode({ contacts: weeklyCalls(0, 60), statusChanges: [statusChange("COMPLETED", 60)] }),
      day(30),
      DEFAULT_METHOD_SETTINGS,
    );
    expect(later.weeks).toEqual({ withContact: 5, counted: 5, missed: [] }); // day 30: weeks 1–4 and week 5's call on day 28
  });
});

describe("MADRS-S at every reached patient contact", () => {
  it("counts reached patient contacts and those with a score, up to asOf", () => {
    const contacts = [
      visit(0, 24),
      contact(7, null), // reached, no score
      contact(14, 20),
      contact(15, null, { reached: false }), // an attempt is not a contact
      contact(16, null, { counterpart: "FORSAKRINGSKASSAN" }), // nor is another actor
      contact(30, 18), // after asOf
    ];
    expect(adherence(contacts, 20).scores).toEqual({ scored: 2, reached: 3 });
  });
});

describe("properties", () => {
  it("weeks with contact never exceed the weeks counted, nor the method's weeks; missed weeks are completed weeks", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: -5, max: 130 }), { maxLength: 20 }),
        fc.integer({ min: -3, max: 140 }),
        (days, asOf) => {
          const a = adherence(
            days.map((d) => contact(d, null)),
            asOf,
          );
          expect(a.weeks.withContact).toBeLessThanOrEqual(a.weeks.counted);
          expect(a.weeks.counted).toBeLessThanOrEqual(12);
          expect(a.weeks.counted - a.weeks.withContact).toBe(a.weeks.missed.length);
          for (const w of a.weeks.missed) expect(7 * w).toBeLessThanOrEqual(asOf);
        },
      ),
    );
  });

  it.each([
    ["physicalMeetings", 0, 6, "Fysiska besök"],
    ["physicalByDay", 28, 182, "Fysiska besök senast dag"],
    ["contactWeeks", 4, 26, "Veckor med kontakt"],
  ] as const)("%s lies in %i–%i: %s", (key, min, max, label) => {
    const message = (value: number) => {
      const r = ZMethodSettings.safeParse({ ...DEFAULT_METHOD_SETTINGS, [key]: value });
      return r.success ? undefined : r.error.issues[0]?.message;
    };
    expect(message(min - 1)).toBe(`${label}: lägst ${min}.`);
    expect(message(max + 1)).toBe(`${label}: högst ${max}.`);
    expect(message(min)).toBeUndefined();
  });

  it("the defaults are valid settings, and settings outside the bounds are refused in Swedish", () => {
    expect(ZMethodSettings.parse(DEFAULT_METHOD_SETTINGS)).toEqual(DEFAULT_METHOD_SETTINGS);
    const r = ZMethodSettings.safeParse({ ...DEFAULT_METHOD_SETTINGS, physicalByDay: 7, contactWeeks: 2.5 });
    expect(r.success ? [] : r.error.issues.map((i) => i.message)).toEqual([
      "Fysiska besök senast dag: lägst 28.",
      "Veckor med kontakt: ange ett heltal.",
    ]);
  });
});
