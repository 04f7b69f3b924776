import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addDays } from "@/lib/local-date";
import { DEFAULT_METHOD_SETTINGS } from "@/modules/clinical/rules/adherence";
import { evaluateEpisode } from "@/modules/clinical/rules/evaluate";
import { DEFAULT_RULE_SETTINGS } from "@/modules/clinical/rules/settings";
import {
  START,
  contact,
  day,
  episode,
  statusChange,
  weeklyCalls,
} from "@/modules/clinical/rules/test-builders";
import { buildReport, firstRemission, monthsOf, reportMemo, type ReportEpisode } from "./report";

const settings = { rules: DEFAULT_RULE_SETTINGS, method: DEFAULT_METHOD_SETTINGS };

let n = 0;
const ep = (facts: ReportEpisode["facts"], extra: Partial<ReportEpisode> = {}): ReportEpisode => ({
  id: `e${n++}`,
  careManagerId: "cm1",
  facts,
  sickLeaveAtStart: null,
  sickLeaveLatest: null,
  recommendations: [],
  ...extra,
});

/** START is 2026-09-01; the period is September to December 2026, counted as of 2026-12-31. */
const period = { from: START, to: "2026-12-31" };
const figure = (episodes: ReportEpisode[], key: string, today = "2027-01-15") => {
  const f = buildReport(episodes, period, settings, today).figures.find((x) => x.key === key)!;
  return { value: f.value, numerator: f.numerator, denominator: f.denominator };
};

// Weekly scores from 30, falling by `step` a week, days 0 … 84.
const course = (step: number, startDay = 0) =>
  Array.from({ length: 13 }, (_, w) => contact(startDay + 7 * w, Math.max(0, 30 - step * w)));

describe("the report's figures", () => {
  it("response and remission at 12 weeks count the core's evaluation on day 84, of those with a baseline", () => {
    const responder = ep(episode({ contacts: course(2) })); // 30 → 6: response and remission
    const partial = ep(episode({ contacts: course(1) })); // 30 → 18: neither
    const noBaseline = ep(episode({ contacts: weeklyCalls(0, 84) }));
    const later = ep(episode({ startDate: day(100), contacts: course(2, 100) })); // day 84 after the period
    const all = [responder, partial, noBaseline, later];
    expect(figure(all, "response12")).toEqual({ value: 0.5, numerator: 1, denominator: 2 });
    expect(figure(all, "remission12")).toEqual({ value: 0.5, numerator: 1, denominator: 2 });
    // The same as counting the core's evaluations of the same episodes.
    const at84 = [responder, partial].map((e) => evaluateEpisode(e.facts, day(84), DEFAULT_RULE_SETTINGS));
    expect(at84.filter((e) => e.response)).toHaveLength(1);
  });

  it("an episode with only its baseline score is not counted at 12 weeks, though it reaches day 84 in the period", () => {
    const onlyBaseline = ep(
      episode({ contacts: [contact(0, 30)], statusChanges: [statusChange("DEACTIVATED", 10)] }),
    );
    const closedEarlyInRemission = ep(
      episode({ contacts: [contact(0, 30), contact(63, 8)], statusChanges: [statusChange("COMPLETED", 70)] }),
    );
    expect(figure([onlyBaseline, closedEarlyInRemission], "response12")).toEqual({
      value: 1,
      numerator: 1,
      denominator: 1,
    });
    expect(figure([onlyBaseline, closedEarlyInRemission], "remission12")).toEqual({
      value: 1,
      numerator: 1,
      denominator: 1,
    });
  });

  it("remission is counted only where the baseline is at least remissionMinBaseline", () => {
    const mild = ep(episode({ contacts: [contact(0, 12), contact(84, 4)] }));
    expect(figure([mild], "response12")).toEqual({ value: 1, numerator: 1, denominator: 1 });
    expect(figure([mild], "remission12")).toEqual({ value: null, numerator: 0, denominator: 0 });
  });

  it("caseload, enrollments, contacts per patient, and a reached contact in the first 14 days", () => {
    const closedBefore = ep(
      episode({ startDate: "2026-05-01", statusChanges: [statusChange("COMPLETED", -20)], contacts: [] }),
    );
    const early = ep(episode({ contacts: [contact(0, 30), contact(10, null)] }));
    const late = ep(episode({ startDate: day(7), contacts: [contact(7, 30), contact(30, null)] }));
    // An unanswered call and a call with the employer are no reached contact with the patient.
    const none = ep(
      episode({
        startDate: day(14),
        contacts: [
          contact(14, 30),
          contact(20, null, { reached: false }),
          contact(21, null, { counterpart: "ARBETSGIVARE" }),
        ],
        statusChanges: [statusChange("DEACTIVATED", 40)],
      }),
    );
    const all = [closedBefore, early, late, none];
    expect(figure(all, "activeCaseload").value).toBe(2);
    expect(figure(all, "enrollments").value).toBe(3);
    expect(figure(all, "contactsPerPatient")).toEqual({ value: 5 / 3, numerator: 5, denominator: 3 });
    expect(figure(all, "firstContact14")).toEqual({ value: 1 / 3, numerator: 1, denominator: 3 });
  });

  it("a non-responder on day 56 is reviewed when a recommendation follows within 60 days; one still inside its 60 days is not counted yet", () => {
    const flat = () => [contact(0, 30), contact(50, 28), ...weeklyCalls(56, 110)];
    const reviewed = ep(episode({ contacts: flat() }), {
      recommendations: [{ date: day(80), readByGp: true }],
    });
    const tooLate = ep(episode({ contacts: flat() }), {
      recommendations: [{ date: day(120), readByGp: false }],
    });
    const never = ep(episode({ contacts: flat() }));
    const responded = ep(episode({ contacts: [contact(0, 30), contact(50, 10)] }));
    expect(figure([reviewed, tooLate, never, responded], "nonResponderReviewed")).toEqual({
      value: 1 / 3,
      numerator: 1,
      denominator: 3,
    });
    // Counted as of day 60: nobody is reviewed yet, and nobody's 60 days have passed.
    expect(figure([reviewed, tooLate, never], "nonResponderReviewed", day(60)).denominator).toBe(0);
    // Recommendations read by the GP, of those in the period addressed to a GP.
    expect(figure([reviewed, tooLate, never], "recommendationsRead")).toEqual({
      value: 0.5,
      numerator: 1,
      denominator: 2,
    });
  });

  it("full-time sick leave at the start and at the end, of the episodes closed in the period", () => {
    const closed = (start: number | null, end: number | null) =>
      ep(episode({ statusChanges: [statusChange("COMPLETED", 90)], contacts: [contact(0, 30)] }), {
        sickLeaveAtStart: start,
        sickLeaveLatest: end,
      });
    const open = ep(episode({ contacts: [contact(0, 30)] }), { sickLeaveAtStart: 100, sickLeaveLatest: 100 });
    const all = [closed(100, 50), closed(100, 100), closed(50, 0), closed(null, 0), open];
    expect(figure(all, "fullSickLeaveStart")).toEqual({ value: 2 / 3, numerator: 2, denominator: 3 });
    expect(figure(all, "fullSickLeaveEnd")).toEqual({ value: 1 / 3, numerator: 1, denominator: 3 });
  });

  it("weeks and contacts to remission: the first scored contact in remission, median", () => {
    const fast = ep(episode({ contacts: [contact(0, 30), contact(7, 20), contact(28, 10)] }));
    const slow = ep(episode({ contacts: [contact(0, 30), ...weeklyCalls(7, 49), contact(56, 8)] }));
    expect(firstRemission(fast.facts, day(100), DEFAULT_RULE_SETTINGS)).toBe(day(28));
    expect(figure([fast, slow], "weeksToRemission").value).toBe((4 + 8) / 2);
    // fast: days 0, 7, 28 (3); slow: day 0, seven calls, day 56 (9).
    expect(figure([fast, slow], "contactsToRemission").value).toBe((3 + 9) / 2);
  });

  it("the months of the period, each with its enrollments and contact rate", () => {
    expect(monthsOf({ from: "2026-11-15", to: "2027-01-10" })).toEqual([
      { month: "2026-11", from: "2026-11-15", to: "2026-11-30" },
      { month: "2026-12", from: "2026-12-01", to: "2026-12-31" },
      { month: "2027-01", from: "2027-01-01", to: "2027-01-10" },
    ]);
    const report = buildReport([ep(episode({ contacts: course(1) }))], period, settings, "2027-01-15");
    expect(report.months.map((m) => [m.month, m.enrollments, m.contacts])).toEqual([
      ["2026-09", 1, 5],
      ["2026-10", 0, 4],
      ["2026-11", 0, 4],
      ["2026-12", 0, 0],
    ]);
    expect(report.figures.find((f) => f.key === "monthlyContactRate")!.value).toBe((5 + 4 + 4 + 0) / 4);
    expect(report.months.map((m) => m.partial)).toEqual([false, false, false, false]);
    // Counted to 15 December: December is in part, and left out of the mean.
    const partial = buildReport([ep(episode({ contacts: course(1) }))], period, settings, "2026-12-15");
    expect(partial.months.map((m) => m.partial)).toEqual([false, false, false, true]);
    expect(partial.figures.find((f) => f.key === "monthlyContactRate")!.value).toBe((5 + 4 + 4) / 3);
  });

  it("counts to today when the period's end lies ahead", () => {
    const report = buildReport([ep(episode({ contacts: course(1) }))], period, settings, day(20));
    expect(report.asOf).toBe(day(20));
    expect(report.months.map((m) => m.month)).toEqual(["2026-09"]);
  });
});

describe("properties", () => {
  const arbEpisode = fc
    .record({
      startDay: fc.integer({ min: -120, max: 150 }),
      scores: fc.array(
        fc.record({ day: fc.integer({ min: 0, max: 140 }), total: fc.integer({ min: 0, max: 48 }) }),
        {
          maxLength: 8,
        },
      ),
      calls: fc.array(fc.integer({ min: 0, max: 140 }), { maxLength: 6 }),
      closedDay: fc.option(fc.integer({ min: 1, max: 160 }), { nil: null }),
      careManager: fc.constantFrom("a", "b"),
      sick: fc.constantFrom(null, 0, 50, 100),
    })
    .map((r) =>
      ep(
        episode({
          startDate: day(r.startDay),
          contacts: [
            ...r.scores.map((s) => contact(r.startDay + s.day, s.total)),
            ...r.calls.map((c) => contact(r.startDay + c, null)),
          ],
          statusChanges: r.closedDay === null ? [] : [statusChange("COMPLETED", r.startDay + r.closedDay)],
        }),
        { careManagerId: r.careManager, sickLeaveAtStart: r.sick, sickLeaveLatest: r.sick },
      ),
    );

  it("every share lies in 0–1 with its numerator within its denominator, and a unit's counts are its care managers' summed", () => {
    fc.assert(
      fc.property(fc.array(arbEpisode, { maxLength: 12 }), (episodes) => {
        const today = addDays(period.to, 10);
        const all = buildReport(episodes, period, settings, today);
        for (const f of all.figures) {
          if (f.kind === "share") {
            expect(f.numerator).toBeLessThanOrEqual(f.denominator);
            if (f.value !== null) expect(f.value).toBeGreaterThanOrEqual(0);
            if (f.value !== null) expect(f.value).toBeLessThanOrEqual(1);
          }
        }
        const parts = ["a", "b"].map((cm) =>
          buildReport(
            episodes.filter((e) => e.careManagerId === cm),
            period,
            settings,
            today,
          ),
        );
        for (const f of all.figures) {
          if (f.kind === "median" || f.key === "monthlyContactRate") continue;
          const sum = (k: "numerator" | "denominator") =>
            parts.reduce((s, p) => s + p.figures.find((x) => x.key === f.key)![k], 0);
          expect([f.key, f.numerator, f.denominator]).toEqual([f.key, sum("numerator"), sum("denominator")]);
        }
      }),
      { numRuns: 60 },
    );
  });

  it("a memo shared by the unit's and each care manager's report changes no figure", () => {
    fc.assert(
      fc.property(
        fc.array(arbEpisode, { maxLength: 12 }),
        fc.integer({ min: -40, max: 40 }),
        (episodes, shift) => {
          const today = addDays(period.to, shift);
          const memo = reportMemo();
          const shared = [
            episodes,
            ...["a", "b"].map((cm) => episodes.filter((e) => e.careManagerId === cm)),
          ].map((list) => buildReport(list, period, settings, today, memo));
          const alone = [
            episodes,
            ...["a", "b"].map((cm) => episodes.filter((e) => e.careManagerId === cm)),
          ].map((list) => buildReport(list, period, settings, today));
          expect(shared).toEqual(alone);
          // What the memo holds is the core's evaluation of that episode on that day, and its first remission.
          const byId = new Map(episodes.map((e) => [e.id, e.facts]));
          for (const [key, ev] of memo.evaluations) {
            const [id, date] = key.split("|");
            expect(ev).toEqual(evaluateEpisode(byId.get(id!)!, date!, settings.rules, { withSince: false }));
          }
          const asOf = period.to < today ? period.to : today;
          for (const [id, date] of memo.remissions)
            expect(date).toBe(firstRemission(byId.get(id)!, asOf, settings.rules));
        },
      ),
      { numRuns: 60 },
    );
  });

  it("a memo refuses a report of another day or other settings", () => {
    const memo = reportMemo();
    const episodes = [ep(episode({ contacts: course(2) }))];
    buildReport(episodes, period, settings, "2027-01-15", memo);
    expect(() => buildReport(episodes, period, settings, "2026-12-20", memo)).toThrow(/memo/);
    expect(() =>
      buildReport(episodes, period, { ...settings, rules: { ...settings.rules } }, "2027-01-15", memo),
    ).toThrow(/memo/);
    // The same day and settings again: allowed.
    expect(buildReport(episodes, period, settings, "2027-01-15", memo)).toEqual(
      buildReport(episodes, period, settings, "2027-01-15"),
    );
  });
});
