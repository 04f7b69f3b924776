import { describe, expect, it } from "vitest";
import { evaluateEpisode, type EpisodeFacts } from "./evaluate";
import type { FlagCode } from "./flags";
import { DEFAULT_RULE_SETTINGS } from "./settings";
import { at, contact, day, episode, handling, statusChange, weeklyCalls } from "./test-builders";

const evaluate = (facts: EpisodeFacts, asOfDay: number) =>
  evaluateEpisode(facts, day(asOfDay), DEFAULT_RULE_SETTINGS);
const codes = (facts: EpisodeFacts, asOfDay: number): FlagCode[] =>
  evaluate(facts, asOfDay).flags.map((f) => f.code);
const has = (facts: EpisodeFacts, asOfDay: number, code: FlagCode) => codes(facts, asOfDay).includes(code);

describe("days and weeks", () => {
  it.each([
    [0, 1],
    [6, 1],
    [7, 2],
    [55, 8],
    [56, 9],
    [83, 12],
    [84, 13],
  ])("day %i is week %i", (d, week) => {
    expect(evaluate(episode({ contacts: weeklyCalls(0, 84) }), d)).toMatchObject({
      daysInTreatment: d,
      week,
    });
  });

  it("reaches 12 weeks at start + 84", () => {
    expect(evaluate(episode(), 0).reachesTwelveWeeks).toBe("2026-11-24");
  });

  it("before the start date the episode has no status, week or flags", () => {
    expect(evaluate(episode(), -3)).toMatchObject({
      status: null,
      week: null,
      daysInTreatment: -3,
      flags: [],
    });
  });
});

describe("baseline, latest, reduction", () => {
  it.each([
    ["day 14 counts as baseline", 14, 30],
    ["day 15 does not", 15, null],
    ["a score dated before the start does not", -1, null],
  ])("%s", (_n, d, baseline) => {
    expect(evaluate(episode({ contacts: [contact(d, 30)] }), 20).baseline).toBe(baseline);
  });

  it("baseline is the earliest score in the window; on one date the one recorded first", () => {
    const facts = episode({
      contacts: [
        contact(3, 22, { recordedAt: at(3, "15:00") }),
        contact(3, 28, { recordedAt: at(3, "09:00") }),
        contact(10, 18),
      ],
    });
    expect(evaluate(facts, 20)).toMatchObject({ baseline: 28, latest: 18 });
  });

  it("latest is the most recent score; on one date the one recorded last", () => {
    const facts = episode({
      contacts: [
        contact(0, 30),
        contact(20, 10, { recordedAt: at(20, "16:00") }),
        contact(20, 14, { recordedAt: at(20, "08:00") }),
      ],
    });
    expect(evaluate(facts, 20).latest).toBe(10);
  });

  it("unreached attempts, contacts with other actors and unscored calls give no score", () => {
    const facts = episode({
      contacts: [
        contact(2, null, { reached: false }),
        contact(3, null, { counterpart: "FORSAKRINGSKASSAN" }),
        contact(4, null),
      ],
    });
    expect(evaluate(facts, 20)).toMatchObject({ baseline: null, latest: null, reduction: null });
  });

  it.each([
    // baseline, latest, response, partial, remission
    [30, 15, true, false, false], // exactly 50 %; 15 is not remission
    [26, 12, true, false, true],
    [30, 16, false, true, false],
    [20, 15, false, true, false], // exactly 25 %
    [20, 16, false, false, false],
    [13, 12, false, false, true], // remission needs baseline ≥ 13
    [12, 5, true, false, false], // baseline 12: no remission
    [30, 35, false, false, false], // worse
  ])(
    "baseline %i → latest %i: response %s, partial %s, remission %s",
    (b, l, response, partial, remission) => {
      const r = evaluate(episode({ contacts: [contact(0, b), contact(30, l)] }), 30);
      expect(r).toMatchObject({ baseline: b, latest: l, response, partialResponse: partial, remission });
      expect(r.reduction).toBeCloseTo((b - l) / b, 12);
    },
  );

  it("a baseline of 0 has no reduction and raises no response flags", () => {
    const facts = episode({ contacts: [contact(0, 0), ...weeklyCalls(7, 84), contact(84, 0)] });
    const r = evaluate(facts, 84);
    expect(r).toMatchObject({ baseline: 0, reduction: null, response: false, remission: false });
    expect(r.flags.map((f) => f.code)).not.toContain("NO_RESPONSE");
    expect(r.flags.map((f) => f.code)).not.toContain("EARLY_NON_RESPONSE");
  });
});

describe("score flags", () => {
  it.each([
    [0, []],
    [1, []],
    [2, ["SAFETY_CHECK"]],
    [3, ["SAFETY_CHECK"]],
    [4, ["SAFETY_RISK"]],
    [6, ["SAFETY_RISK"]],
  ])("item 9 = %i → %o", (item9, expected) => {
    const flags = codes(episode({ contacts: [contact(0, 20, { item9 })] }), 1).filter((c) =>
      c.startsWith("SAFETY"),
    );
    expect(flags).toEqual(expected);
  });

  describe("safety flags stay open until handled (domain.md)", () => {
    const since = (facts: ReturnType<typeof episode>, asOf: number, code: string) =>
      evaluate(facts, asOf).flags.find((f) => f.code === code)?.since;

    it("a calmer later score does not close SAFETY_RISK; its since is the contact that raised it", () => {
      const facts = episode({ contacts: [contact(0, 20, { item9: 5 }), contact(7, 18, { item9: 1 })] });
      expect(has(facts, 8, "SAFETY_RISK")).toBe(true);
      expect(since(facts, 8, "SAFETY_RISK")).toBe(day(0));
    });

    it("SAFETY_CHECK likewise", () => {
      const facts = episode({ contacts: [contact(0, 20, { item9: 3 }), contact(7, 18, { item9: 0 })] });
      expect(has(facts, 8, "SAFETY_CHECK")).toBe(true);
      expect(since(facts, 8, "SAFETY_CHECK")).toBe(day(0));
    });

    it("the handling closes it; a calmer score recorded after does not reopen it, a high one does and stays", () => {
      const handled = {
        contacts: [contact(0, 20, { item9: 5 }), contact(7, 18, { item9: 1 })],
        handlings: [handling("SAFETY_RISK", 8)],
      };
      expect(has(episode(handled), 9, "SAFETY_RISK")).toBe(false);
      const high = { ...handled, contacts: [...handled.contacts, contact(14, 25, { item9: 4 })] };
      expect(since(episode(high), 14, "SAFETY_RISK")).toBe(day(14));
      const calmer = { ...high, contacts: [...high.contacts, contact(21, 10, { item9: 0 })] };
      expect(since(episode(calmer), 22, "SAFETY_RISK")).toBe(day(14));
    });

    it("only scores recorded after the handling count, whatever their date", () => {
      // A high score dated before the handling but entered after it is new information.
      const late = contact(5, 20, { item9: 6, recordedAt: at(9, "08:00") });
      const facts = episode({
        contacts: [contact(0, 20, { item9: 5 }), late],
        handlings: [handling("SAFETY_RISK", 8)],
      });
      expect(since(facts, 9, "SAFETY_RISK")).toBe(day(5));
    });

    it("closing the episode removes them", () => {
      const facts = episode({
        contacts: [contact(0, 20, { item9: 5 }), contact(7, 18, { item9: 1 })],
        statusChanges: [statusChange("DEACTIVATED", 10)],
      });
      expect(has(facts, 9, "SAFETY_RISK")).toBe(true);
      expect(has(facts, 10, "SAFETY_RISK")).toBe(false);
    });

    it("a score at SAFETY_RISK does not raise SAFETY_CHECK, but an earlier 2 or 3 stays raised beside it", () => {
      expect(codes(episode({ contacts: [contact(0, 20, { item9: 4 })] }), 1)).not.toContain("SAFETY_CHECK");
      const both = episode({ contacts: [contact(0, 20, { item9: 2 }), contact(3, 20, { item9: 4 })] });
      expect(codes(both, 4)).toEqual(expect.arrayContaining(["SAFETY_RISK", "SAFETY_CHECK"]));
    });
  });

  it.each([
    [34, false],
    [35, true],
  ])("total %i → SEVERE %s", (total, severe) => {
    expect(has(episode({ contacts: [contact(0, total)] }), 1, "SEVERE")).toBe(severe);
  });

  it.each([
    [24, false],
    [25, true],
  ])("baseline 20, latest %i → WORSENING %s", (latest, worse) => {
    expect(has(episode({ contacts: [contact(0, 20), contact(7, latest)] }), 8, "WORSENING")).toBe(worse);
  });

  it("WORSENING needs a baseline", () => {
    expect(has(episode({ contacts: [contact(20, 20), contact(27, 40)] }), 28, "WORSENING")).toBe(false);
  });

  it("since is the date of the contact that raised the flag", () => {
    const facts = episode({ contacts: [contact(0, 20), contact(7, 36), contact(10, 40)] });
    expect(evaluate(facts, 12).flags.find((f) => f.code === "SEVERE")).toEqual({
      code: "SEVERE",
      to: "GP",
      since: day(7),
      reason: "Senaste MADRS-S 40 (svår från 35).",
    });
  });
});

describe("time flags", () => {
  it.each([
    [14, false],
    [15, true],
  ])("no baseline on day %i → NO_BASELINE %s", (d, expected) => {
    expect(has(episode({ contacts: weeklyCalls(0, 21) }), d, "NO_BASELINE")).toBe(expected);
  });

  it("NO_BASELINE since start + 15", () => {
    expect(
      evaluate(episode({ contacts: weeklyCalls(0, 30) }), 30).flags.find((f) => f.code === "NO_BASELINE")
        ?.since,
    ).toBe(day(15));
  });

  const nonResponder = (latest: number) =>
    episode({ contacts: [contact(0, 30), ...weeklyCalls(7, 90), contact(35, latest)] });

  it.each([
    [41, false],
    [42, true],
  ])("reduction 16 percent on day %i → EARLY_NON_RESPONSE %s", (d, expected) => {
    expect(has(nonResponder(25), d, "EARLY_NON_RESPONSE")).toBe(expected);
  });

  it.each([
    [55, false],
    [56, true],
  ])("reduction 40 percent on day %i → NO_RESPONSE %s (and no EARLY_NON_RESPONSE)", (d, expected) => {
    expect(has(nonResponder(18), d, "NO_RESPONSE")).toBe(expected);
    expect(has(nonResponder(18), d, "EARLY_NON_RESPONSE")).toBe(false);
  });

  it("exactly 25 % reduction is not early non-response; exactly 50 % is a response", () => {
    const b20 = episode({ contacts: [contact(0, 20), ...weeklyCalls(7, 90), contact(35, 15)] });
    expect(has(b20, 60, "EARLY_NON_RESPONSE")).toBe(false);
    expect(has(b20, 60, "NO_RESPONSE")).toBe(true);
    expect(has(nonResponder(15), 60, "NO_RESPONSE")).toBe(false);
  });

  it("api.md's example: day 56, baseline 30, latest 27", () => {
    const facts = episode({ contacts: [contact(0, 30), ...weeklyCalls(7, 56), contact(49, 27)] });
    const r = evaluateEpisode(facts, "2026-10-27", DEFAULT_RULE_SETTINGS);
    expect(r).toMatchObject({
      daysInTreatment: 56,
      week: 9,
      baseline: 30,
      latest: 27,
      response: false,
      remission: false,
    });
    expect(r.reduction).toBeCloseTo(0.1, 12);
    expect(r.flags).toEqual([
      {
        code: "NO_RESPONSE",
        to: "PSYCHIATRIST",
        since: "2026-10-27",
        reason: "Minskning 10 % på dag 56 (behandlingssvar från 50 % minskning).",
      },
      {
        code: "EARLY_NON_RESPONSE",
        to: "GP",
        since: "2026-10-13",
        reason: "Minskning 10 % på dag 56 (delvis svar från 25 % minskning).",
      },
    ]);
  });

  it.each([
    [83, false],
    [84, true],
  ])("day %i, not in remission → TWELVE_WEEK_DECISION %s", (d, expected) => {
    expect(has(nonResponder(20), d, "TWELVE_WEEK_DECISION")).toBe(expected);
  });

  it("no TWELVE_WEEK_DECISION in remission or in relapse prevention", () => {
    expect(has(nonResponder(10), 84, "TWELVE_WEEK_DECISION")).toBe(false);
    const rp = nonResponder(20);
    expect(
      has({ ...rp, statusChanges: [statusChange("RELAPSE_PREVENTION", 84)] }, 85, "TWELVE_WEEK_DECISION"),
    ).toBe(false);
  });

  it.each([
    [24, false], // 14 days since the last reached contact
    [25, true], // 15 days
  ])("last reached contact on day 10, asOf day %i → OVERDUE_CONTACT %s", (d, expected) => {
    expect(has(episode({ contacts: [contact(0, 20), contact(10, null)] }), d, "OVERDUE_CONTACT")).toBe(
      expected,
    );
  });

  it("an attempt or a call to Försäkringskassan does not reset the silence", () => {
    const facts = episode({
      contacts: [
        contact(0, 20),
        contact(20, null, { reached: false }),
        contact(21, null, { counterpart: "FORSAKRINGSKASSAN" }),
      ],
    });
    expect(evaluate(facts, 22).flags.find((f) => f.code === "OVERDUE_CONTACT")).toEqual({
      code: "OVERDUE_CONTACT",
      to: "CARE_MANAGER",
      since: day(15),
      reason: `22 dagar sedan senaste nådda kontakt (${day(0)}).`,
    });
  });

  it.each([
    [89, false],
    [90, true],
  ])("no reached contact since day 0, asOf day %i → INACTIVE %s", (d, expected) => {
    expect(has(episode({ contacts: [contact(0, 20)] }), d, "INACTIVE")).toBe(expected);
  });

  it("relapse prevention: INACTIVE still counts, OVERDUE_CONTACT does not", () => {
    const facts = episode({
      contacts: [contact(0, 20)],
      statusChanges: [statusChange("RELAPSE_PREVENTION", 5)],
    });
    expect(codes(facts, 95)).toContain("INACTIVE");
    expect(codes(facts, 95)).not.toContain("OVERDUE_CONTACT");
  });
});

describe("status", () => {
  const facts = episode({
    contacts: [contact(0, 40, { item9: 5 })],
    statusChanges: [statusChange("DEACTIVATED", 30)],
  });

  it("a closed episode has no flags", () => {
    expect(evaluate(facts, 30)).toMatchObject({ status: "DEACTIVATED", flags: [] });
  });

  it("as of a date before it closed, it had its flags", () => {
    expect(evaluate(facts, 29).status).toBe("ACTIVE");
    expect(codes(facts, 29)).toEqual(expect.arrayContaining(["SAFETY_RISK", "SEVERE", "OVERDUE_CONTACT"]));
  });
});

describe("what happened after asOf is ignored", () => {
  it("contacts dated after asOf", () => {
    const facts = episode({ contacts: [contact(0, 30), contact(10, 40, { item9: 5 })] });
    expect(evaluate(facts, 9)).toMatchObject({ latest: 30 });
    expect(codes(facts, 9)).not.toContain("SAFETY_RISK");
  });

  it("a handling made after the end of the asOf day, Stockholm time", () => {
    const facts = episode({
      contacts: [contact(0, 30, { item9: 5 })],
      // 00:30 on day 3 in Stockholm is 22:30 UTC on day 2: still after the end of day 2.
      handlings: [handling("SAFETY_RISK", 3, "00:30")],
    });
    expect(has(facts, 2, "SAFETY_RISK")).toBe(true);
    expect(has(facts, 3, "SAFETY_RISK")).toBe(false);
  });
});

describe("handled flags and when they come back", () => {
  it("since of a flag raised again starts after the handling, not at the first raise", () => {
    // Re-raised on the day it was handled: a new score recorded an hour later.
    const severe = episode({
      contacts: [contact(0, 30), contact(10, 38), contact(17, 40, { recordedAt: at(17, "10:00") })],
      handlings: [handling("SEVERE", 17, "09:00")],
    });
    expect(evaluate(severe, 20).flags.find((f) => f.code === "SEVERE")?.since).toBe(day(17));
    // Raised again by a back-dated contact entered after the handling: its date.
    const risk = episode({
      contacts: [contact(0, 30, { item9: 4 }), contact(15, 30, { item9: 4, recordedAt: at(17, "10:00") })],
      handlings: [handling("SAFETY_RISK", 17, "09:00")],
    });
    expect(evaluate(risk, 20).flags.find((f) => f.code === "SAFETY_RISK")?.since).toBe(day(15));
    // A new review request the same day the last one was answered.
    const review = episode({
      contacts: weeklyCalls(0, 21),
      reviewRequests: [{ requestedAt: at(10) }, { requestedAt: at(17, "10:00") }],
      handlings: [handling("MARKED_FOR_REVIEW", 17, "09:00")],
    });
    expect(evaluate(review, 20).flags.find((f) => f.code === "MARKED_FOR_REVIEW")?.since).toBe(day(17));
  });

  it("after a handled silence, only contacts recorded after the handling restart the count", () => {
    // A contact dated ahead (day 40) but entered before the handling does not count.
    const facts = episode({
      contacts: [contact(0, 20), contact(40, null, { recordedAt: at(10) }), contact(25, null)],
      handlings: [handling("OVERDUE_CONTACT", 20)],
    });
    expect(has(facts, 39, "OVERDUE_CONTACT")).toBe(false); // 14 days after the day-25 call
    expect(has(facts, 40, "OVERDUE_CONTACT")).toBe(true); // 15 days, though a contact carries day 40
  });

  it("a score flag comes back with a score recorded after the handling, whatever its date", () => {
    const handled = episode({
      contacts: [contact(0, 30, { item9: 4 })],
      handlings: [handling("SAFETY_RISK", 1)],
    });
    expect(has(handled, 2, "SAFETY_RISK")).toBe(false);
    const lateEntry = contact(1, 30, { item9: 4, recordedAt: at(2, "09:00") }); // dated day 1, entered day 2
    expect(has({ ...handled, contacts: [...handled.contacts, lateEntry] }, 2, "SAFETY_RISK")).toBe(true);
    const better = contact(2, 20, { item9: 1 });
    expect(has({ ...handled, contacts: [...handled.contacts, better] }, 3, "SAFETY_RISK")).toBe(false);
  });

  it("a GP's handling of SAFETY_RISK closes it for everyone", () => {
    const facts = episode({
      contacts: [contact(0, 36, { item9: 5 })],
      handlings: [handling("SAFETY_RISK", 0, "15:00")],
    });
    expect(codes(facts, 0)).toEqual(["SEVERE"]);
  });

  it("EARLY_NON_RESPONSE comes back from the handling's date + 28 days", () => {
    const facts = episode({
      contacts: [contact(0, 30), ...weeklyCalls(7, 120), contact(35, 27)],
      handlings: [handling("EARLY_NON_RESPONSE", 45)],
    });
    expect(has(facts, 44, "EARLY_NON_RESPONSE")).toBe(true);
    expect(has(facts, 45, "EARLY_NON_RESPONSE")).toBe(false);
    expect(has(facts, 72, "EARLY_NON_RESPONSE")).toBe(false);
    expect(has(facts, 73, "EARLY_NON_RESPONSE")).toBe(true);
    expect(evaluate(facts, 80).flags.find((f) => f.code === "EARLY_NON_RESPONSE")?.since).toBe(day(73));
  });

  it("NO_RESPONSE likewise, and stays closed after 28 days if the patient responded", () => {
    const base = {
      contacts: [contact(0, 30), ...weeklyCalls(7, 120), contact(50, 25)],
      handlings: [handling("NO_RESPONSE", 60)],
    };
    expect(has(episode(base), 87, "NO_RESPONSE")).toBe(false);
    expect(has(episode(base), 88, "NO_RESPONSE")).toBe(true);
    const responded = episode({ ...base, contacts: [...base.contacts, contact(80, 12)] });
    expect(has(responded, 88, "NO_RESPONSE")).toBe(false);
  });

  it("OVERDUE_CONTACT stays handled until a reached contact recorded after the handling, then counts from it", () => {
    const handled = episode({ contacts: [contact(0, 20)], handlings: [handling("OVERDUE_CONTACT", 20)] });
    expect(has(handled, 21, "OVERDUE_CONTACT")).toBe(false);
    expect(has(handled, 60, "OVERDUE_CONTACT")).toBe(false);
    const called = episode({ ...handled, contacts: [...handled.contacts, contact(25, null)] });
    expect(has(called, 39, "OVERDUE_CONTACT")).toBe(false);
    expect(has(called, 40, "OVERDUE_CONTACT")).toBe(true);
    const attempt = episode({
      ...handled,
      contacts: [...handled.contacts, contact(25, null, { reached: false })],
    });
    expect(has(attempt, 60, "OVERDUE_CONTACT")).toBe(false);
  });

  it("INACTIVE likewise", () => {
    const handled = episode({ contacts: [contact(0, 20)], handlings: [handling("INACTIVE", 95)] });
    expect(has(handled, 200, "INACTIVE")).toBe(false);
    const called = episode({ ...handled, contacts: [...handled.contacts, contact(100, null)] });
    expect(has(called, 189, "INACTIVE")).toBe(false);
    expect(has(called, 190, "INACTIVE")).toBe(true);
  });

  it.each(["NO_BASELINE", "TWELVE_WEEK_DECISION"] as const)("%s stays handled", (code) => {
    const facts = episode({ contacts: weeklyCalls(0, 200), handlings: [handling(code, 90)] });
    expect(has(facts, 89, code)).toBe(true);
    expect(has(facts, 90, code)).toBe(false);
    expect(has(facts, 200, code)).toBe(false);
  });

  it("MARKED_FOR_REVIEW: raised by a request, handled by the answer, raised again by a new request", () => {
    const facts = episode({ contacts: weeklyCalls(0, 60), reviewRequests: [{ requestedAt: at(10) }] });
    expect(has(facts, 9, "MARKED_FOR_REVIEW")).toBe(false);
    expect(evaluate(facts, 11).flags.find((f) => f.code === "MARKED_FOR_REVIEW")).toEqual({
      code: "MARKED_FOR_REVIEW",
      to: "PSYCHIATRIST",
      since: day(10),
      reason: `Fråga till psykiatern sedan ${day(10)}, obesvarad.`,
    });
    const answered = { ...facts, handlings: [handling("MARKED_FOR_REVIEW", 12)] };
    expect(has(answered, 12, "MARKED_FOR_REVIEW")).toBe(false);
    const again = { ...answered, reviewRequests: [...answered.reviewRequests, { requestedAt: at(20) }] };
    expect(has(again, 19, "MARKED_FOR_REVIEW")).toBe(false);
    expect(has(again, 20, "MARKED_FOR_REVIEW")).toBe(true);
  });
});
