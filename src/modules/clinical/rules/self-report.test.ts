// domain.md "Self-report by link": a SELF_REPORT counts for baseline, latest
// and every score flag, and is never a reached contact (silence flags, method
// adherence). Table-driven cases and properties.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addDays } from "@/lib/local-date";
import { DEFAULT_METHOD_SETTINGS, methodAdherence } from "./adherence";
import { evaluateEpisode } from "./evaluate";
import { scoreSeries, type CoreContact, type EpisodeFacts } from "./facts";
import { DEFAULT_RULE_SETTINGS } from "./settings";
import { START, arbSettings, at, contact, day, episode, items } from "./test-builders";

const S = DEFAULT_RULE_SETTINGS;
/** The patient's answers through a link, as the database stores them. */
const selfReport = (dayNo: number, total: number, item9 = 0): CoreContact => ({
  ...contact(dayNo, total, { item9 }),
  type: "SELF_REPORT",
  reached: false,
});
const codes = (facts: EpisodeFacts, asOf: number) =>
  evaluateEpisode(facts, day(asOf), S).flags.map((f) => f.code);

describe("a self-report", () => {
  it.each([
    ["is the baseline when it is the first score", [selfReport(2, 28)], 5, { baseline: 28, latest: 28 }],
    [
      "is the latest after a call's baseline",
      [contact(0, 30), selfReport(20, 14)],
      21,
      { baseline: 30, latest: 14, reduction: 16 / 30 },
    ],
    [
      "is not the latest when a later call scored",
      [contact(0, 30), selfReport(20, 14), contact(21, 25)],
      22,
      { latest: 25 },
    ],
  ] as const)("%s", (_what, contacts, asOf, expected) => {
    expect(evaluateEpisode(episode({ contacts: [...contacts] }), day(asOf), S)).toMatchObject(expected);
  });

  it.each([
    [
      "Livslust 4 opens SAFETY_RISK when it is submitted",
      [contact(0, 20), selfReport(5, 20, 4)],
      5,
      "SAFETY_RISK",
      true,
    ],
    ["Livslust 3 opens SAFETY_CHECK", [contact(0, 20), selfReport(5, 20, 3)], 5, "SAFETY_CHECK", true],
    ["a total of 35 opens SEVERE", [contact(0, 20), selfReport(5, 35)], 5, "SEVERE", true],
    ["5 points over the baseline opens WORSENING", [contact(0, 20), selfReport(5, 25)], 5, "WORSENING", true],
    ["without it NO_BASELINE is open on day 16", [contact(0, null)], 16, "NO_BASELINE", true],
    [
      "in the baseline window it ends NO_BASELINE",
      [contact(0, null), selfReport(10, 20)],
      16,
      "NO_BASELINE",
      false,
    ],
    [
      "it does not end OVERDUE_CONTACT (day 15 after the last call)",
      [contact(0, 20), selfReport(10, 18)],
      15,
      "OVERDUE_CONTACT",
      true,
    ],
    [
      "it does not end INACTIVE (90 days without a conversation)",
      [contact(0, 20), selfReport(80, 18)],
      90,
      "INACTIVE",
      true,
    ],
  ] as const)("%s", (_what, contacts, asOf, code, open) => {
    expect(codes(episode({ contacts: [...contacts] }), asOf).includes(code)).toBe(open);
  });

  it("a call that refers to it counts as a reached contact with MADRS-S for the method", () => {
    const call = { ...contact(9, null), refersToSelfReport: true };
    const facts = episode({ contacts: [contact(0, 25), selfReport(8, 20), call] });
    expect(methodAdherence(facts, day(10), DEFAULT_METHOD_SETTINGS).scores).toEqual({
      scored: 2,
      reached: 2,
    });
    // Without the reference the same call is a reached contact without a score.
    const plain = episode({ contacts: [contact(0, 25), selfReport(8, 20), contact(9, null)] });
    expect(methodAdherence(plain, day(10), DEFAULT_METHOD_SETTINGS).scores).toEqual({
      scored: 1,
      reached: 2,
    });
  });

  it("is named as unverified in the reasons of the flags it raises", () => {
    const facts = episode({ contacts: [contact(0, 20), selfReport(5, 36, 5)] });
    const reasons = Object.fromEntries(
      evaluateEpisode(facts, day(5), S).flags.map((f) => [f.code, f.reason]),
    );
    expect(reasons.SAFETY_RISK).toContain(
      `Livslust 5 vid självskattningen via länk (ej verifierad) ${day(5)}`,
    );
    expect(reasons.SEVERE).toContain("Senaste MADRS-S 36 (självskattning via länk, ej verifierad)");
    expect(reasons.WORSENING).toContain("(självskattning via länk, ej verifierad)");
  });

  it("is in the score series, marked as self-reported, in time order", () => {
    const facts = episode({ contacts: [selfReport(9, 20), contact(0, 28), contact(5, null)] });
    expect(scoreSeries(facts)).toEqual([
      { date: day(0), day: 0, total: 28, selfReported: false },
      { date: day(9), day: 9, total: 20, selfReported: true },
    ]);
  });

  it("is not the last reached contact, and not a week with contact for the method", () => {
    const facts = episode({
      contacts: [contact(0, 25, { type: "IN_PERSON" }), selfReport(8, 20), selfReport(15, 18)],
    });
    expect(evaluateEpisode(facts, day(20), S).lastReachedContactDate).toBe(day(0));
    const adherence = methodAdherence(facts, day(21), DEFAULT_METHOD_SETTINGS);
    expect(adherence.weeks).toMatchObject({ withContact: 1, counted: 3, missed: [2, 3] });
    expect(adherence.scores).toEqual({ scored: 1, reached: 1 });
  });
});

// Random episodes of calls (some scored), and one self-report on a random day.
const arbCall = fc.record({
  day: fc.integer({ min: 0, max: 120 }),
  reached: fc.boolean(),
  total: fc.option(fc.integer({ min: 0, max: 48 }), { nil: null }),
  type: fc.constantFrom("PHONE", "IN_PERSON", "VIDEO" as const),
});
const arbCase = fc.record({
  settings: arbSettings,
  calls: fc.array(arbCall, { maxLength: 10 }),
  report: fc.record({
    day: fc.integer({ min: 0, max: 120 }),
    total: fc.integer({ min: 0, max: 48 }),
    item9: fc.integer({ min: 0, max: 6 }),
  }),
  asOf: fc.integer({ min: 0, max: 140 }),
});
const callsOf = (
  calls: { day: number; reached: boolean; total: number | null; type: CoreContact["type"] }[],
) =>
  calls.map((c, i) => ({
    id: `call${i}`,
    date: addDays(START, c.day),
    recordedAt: at(c.day, "10:00"),
    type: c.type,
    counterpart: "PATIENT" as const,
    reached: c.reached,
    items: c.reached && c.total !== null ? items(c.total) : null,
  }));
const SILENCE = new Set(["OVERDUE_CONTACT", "INACTIVE"]);

describe("self-report properties", () => {
  it("a self-report never changes silence, the last reached contact or method adherence", () => {
    fc.assert(
      fc.property(arbCase, ({ settings, calls, report, asOf }) => {
        const without = episode({ contacts: callsOf(calls) });
        const withReport = episode({
          contacts: [
            ...without.contacts,
            { ...selfReport(report.day, report.total + report.item9, report.item9) },
          ],
        });
        const a = evaluateEpisode(without, day(asOf), settings);
        const b = evaluateEpisode(withReport, day(asOf), settings);
        expect(b.lastReachedContactDate).toBe(a.lastReachedContactDate);
        const silence = (r: typeof a) => r.flags.filter((f) => SILENCE.has(f.code)).map((f) => f.code);
        expect(silence(b)).toEqual(silence(a));
        expect(methodAdherence(withReport, day(asOf), DEFAULT_METHOD_SETTINGS)).toEqual(
          methodAdherence(without, day(asOf), DEFAULT_METHOD_SETTINGS),
        );
      }),
    );
  });

  it("its score counts exactly as the same score from a reached call: baseline, latest and every score flag", () => {
    fc.assert(
      fc.property(arbCase, ({ settings, calls, report, asOf }) => {
        const base = callsOf(calls);
        const total = report.total + report.item9;
        const asReport = selfReport(report.day, total, report.item9);
        // The same answers given in a call that reached the patient, recorded at the same instant.
        const asCall: CoreContact = { ...asReport, type: "PHONE", reached: true };
        const a = evaluateEpisode(episode({ contacts: [...base, asReport] }), day(asOf), settings);
        const b = evaluateEpisode(episode({ contacts: [...base, asCall] }), day(asOf), settings);
        for (const key of [
          "baseline",
          "baselineDate",
          "latest",
          "latestDate",
          "latestItem9",
          "reduction",
        ] as const)
          expect(a[key]).toEqual(b[key]);
        const scoreFlags = (r: typeof a) => r.flags.filter((f) => !SILENCE.has(f.code)).map((f) => f.code);
        expect(scoreFlags(a)).toEqual(scoreFlags(b));
      }),
    );
  });
});
