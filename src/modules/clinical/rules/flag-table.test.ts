// The rule table, entry by entry: domain.md's vocabulary, which flags pause in
// relapse prevention, and the edges of "recorded after" and "the latest".
import { describe, expect, it } from "vitest";
import { evaluateEpisode, type EpisodeFacts } from "./evaluate";
import { FLAG_CODES, FLAG_LABEL, FLAG_RULES, FLAG_TONE, primaryRecipient, type FlagCode } from "./flags";
import { isReachedPatient, isScored, type CoreContact } from "./facts";
import { DEFAULT_RULE_SETTINGS } from "./settings";
import { at, contact, day, episode, handling, statusChange, weeklyCalls } from "./test-builders";

const codes = (facts: EpisodeFacts, asOfDay: number) =>
  evaluateEpisode(facts, day(asOfDay), DEFAULT_RULE_SETTINGS).flags.map((f) => f.code);
const sinceOf = (facts: EpisodeFacts, asOfDay: number, code: FlagCode) =>
  evaluateEpisode(facts, day(asOfDay), DEFAULT_RULE_SETTINGS).flags.find((f) => f.code === code)?.since;

describe("the flag table speaks domain.md's vocabulary", () => {
  it.each([
    ["SAFETY_RISK", "Suicidrisk – bedöm i dag", "safety", "GP"],
    ["SAFETY_CHECK", "Livslust – gör riskbedömning", "safety", "CARE_MANAGER"],
    ["SEVERE", "Svår depression", "safety", "GP"],
    ["WORSENING", "Försämring", "action", "GP"],
    ["NO_BASELINE", "Saknar utgångsvärde", "action", "CARE_MANAGER"],
    ["EARLY_NON_RESPONSE", "Otillräcklig förbättring", "action", "GP"],
    ["NO_RESPONSE", "Ej behandlingssvar – konsultgenomgång", "action", "PSYCHIATRIST"],
    ["OVERDUE_CONTACT", "Kontakt försenad", "action", "CARE_MANAGER"],
    ["TWELVE_WEEK_DECISION", "12 veckor – beslut", "action", "GP"],
    ["INACTIVE", "Ingen kontakt på 90 dagar", "info", "CARE_MANAGER"],
    ["MARKED_FOR_REVIEW", "Markerad för genomgång", "info", "PSYCHIATRIST"],
  ] as const)("%s: %s, %s, shown as %s", (code, label, tone, to) => {
    expect(FLAG_LABEL[code]).toBe(label);
    expect(FLAG_TONE[code]).toBe(tone);
    expect(primaryRecipient(code)).toBe(to);
  });

  it("has a rule for every code", () => {
    expect(Object.keys(FLAG_RULES).sort()).toEqual([...FLAG_CODES].sort());
  });
});

describe("relapse prevention pauses only OVERDUE_CONTACT and TWELVE_WEEK_DECISION", () => {
  // Each situation raises its flag on day 100; the episode went into relapse prevention on day 90.
  const rp = statusChange("RELAPSE_PREVENTION", 90);
  const calls = weeklyCalls(0, 98);
  const situations: Record<FlagCode, EpisodeFacts> = {
    SAFETY_RISK: episode({
      statusChanges: [rp],
      contacts: [contact(0, 30), ...calls, contact(99, 20, { item9: 4 })],
    }),
    SAFETY_CHECK: episode({
      statusChanges: [rp],
      contacts: [contact(0, 30), ...calls, contact(99, 20, { item9: 2 })],
    }),
    SEVERE: episode({ statusChanges: [rp], contacts: [contact(0, 30), ...calls, contact(99, 40)] }),
    WORSENING: episode({ statusChanges: [rp], contacts: [contact(0, 20), ...calls, contact(99, 25)] }),
    NO_BASELINE: episode({ statusChanges: [rp], contacts: calls }),
    EARLY_NON_RESPONSE: episode({
      statusChanges: [rp],
      contacts: [contact(0, 30), ...calls, contact(99, 28)],
    }),
    NO_RESPONSE: episode({ statusChanges: [rp], contacts: [contact(0, 30), ...calls, contact(99, 28)] }),
    OVERDUE_CONTACT: episode({ statusChanges: [rp], contacts: [contact(0, 30), ...weeklyCalls(7, 77)] }),
    TWELVE_WEEK_DECISION: episode({
      statusChanges: [rp],
      contacts: [contact(0, 30), ...calls, contact(99, 28)],
    }),
    INACTIVE: episode({ statusChanges: [rp], contacts: [contact(0, 30)] }),
    MARKED_FOR_REVIEW: episode({
      statusChanges: [rp],
      contacts: [contact(0, 30), ...calls],
      reviewRequests: [{ requestedAt: at(99) }],
    }),
  };
  it.each(FLAG_CODES)("%s", (code) => {
    const active = { ...situations[code], statusChanges: [] };
    expect(codes(active, 100)).toContain(code);
    const paused = code === "OVERDUE_CONTACT" || code === "TWELVE_WEEK_DECISION";
    expect(codes(situations[code], 100).includes(code)).toBe(!paused);
  });
});

describe("'recorded after the handling' is strictly after", () => {
  it.each(["SEVERE", "SAFETY_RISK"] as const)(
    "%s: a score recorded at the very instant of the handling is not new",
    (code) => {
      const handled = handling(code, 10, "12:00");
      const same = contact(10, 40, { item9: 5, recordedAt: handled.handledAt });
      expect(
        codes(episode({ contacts: [contact(0, 40, { item9: 5 }), same], handlings: [handled] }), 11),
      ).not.toContain(code);
      const later = contact(10, 40, { item9: 5, recordedAt: new Date(handled.handledAt.getTime() + 1) });
      expect(
        codes(episode({ contacts: [contact(0, 40, { item9: 5 }), later], handlings: [handled] }), 11),
      ).toContain(code);
    },
  );

  it("OVERDUE_CONTACT: a reached contact recorded at the instant of the handling does not restart the count", () => {
    const handled = handling("OVERDUE_CONTACT", 20, "12:00");
    const same = contact(20, null, { recordedAt: handled.handledAt });
    expect(codes(episode({ contacts: [contact(0, 30), same], handlings: [handled] }), 40)).not.toContain(
      "OVERDUE_CONTACT",
    );
  });

  it("MARKED_FOR_REVIEW: answered, it stays closed until a request made after the answer", () => {
    const answer = handling("MARKED_FOR_REVIEW", 10, "12:00");
    const facts = (requests: Date[]) =>
      episode({
        contacts: weeklyCalls(0, 21),
        reviewRequests: requests.map((requestedAt) => ({ requestedAt })),
        handlings: [answer],
      });
    expect(codes(facts([at(5)]), 12)).not.toContain("MARKED_FOR_REVIEW");
    expect(codes(facts([at(5), answer.handledAt]), 12)).not.toContain("MARKED_FOR_REVIEW");
    expect(codes(facts([at(5), new Date(answer.handledAt.getTime() + 1)]), 12)).toContain(
      "MARKED_FOR_REVIEW",
    );
  });
});

describe("the latest handling and request count, whatever order they come in", () => {
  it("a newer handling of the same flag decides, given first or last", () => {
    // Handled on day 3 and again on day 12; a score recorded on day 8 came between them.
    const contacts = [contact(0, 40), contact(8, 40)];
    const handlings = [handling("SEVERE", 3), handling("SEVERE", 12)];
    expect(codes(episode({ contacts, handlings }), 13)).not.toContain("SEVERE");
    expect(codes(episode({ contacts, handlings: [...handlings].reverse() }), 13)).not.toContain("SEVERE");
  });

  it("the newest review request decides, given first or last", () => {
    const answer = handling("MARKED_FOR_REVIEW", 10);
    const requests = [{ requestedAt: at(5) }, { requestedAt: at(11) }];
    for (const reviewRequests of [requests, [...requests].reverse()]) {
      expect(
        codes(episode({ contacts: weeklyCalls(0, 21), reviewRequests, handlings: [answer] }), 12),
      ).toContain("MARKED_FOR_REVIEW");
    }
  });

  it("a request made before the start date raises the flag from the start, not before", () => {
    const facts = episode({ contacts: weeklyCalls(0, 21), reviewRequests: [{ requestedAt: at(-2) }] });
    expect(sinceOf(facts, 5, "MARKED_FOR_REVIEW")).toBe(day(0));
  });
});

describe("status, baseline and targets as of a date", () => {
  it("the last status change dated by asOf decides, whatever order they are given in", () => {
    const changes = [statusChange("RELAPSE_PREVENTION", 90), statusChange("COMPLETED", 120)];
    for (const statusChanges of [changes, [...changes].reverse()]) {
      const at = (d: number) =>
        evaluateEpisode(episode({ statusChanges }), day(d), DEFAULT_RULE_SETTINGS).status;
      expect([at(89), at(90), at(119), at(120)]).toEqual([
        "ACTIVE",
        "RELAPSE_PREVENTION",
        "RELAPSE_PREVENTION",
        "COMPLETED",
      ]);
    }
  });

  it("two changes on one date: the one recorded last is the status", () => {
    const first = { ...statusChange("RELAPSE_PREVENTION", 90), recordedAt: at(90, "09:00") };
    const second = { ...statusChange("COMPLETED", 90), recordedAt: at(90, "15:00") };
    for (const statusChanges of [
      [first, second],
      [second, first],
    ]) {
      expect(evaluateEpisode(episode({ statusChanges }), day(90), DEFAULT_RULE_SETTINGS).status).toBe(
        "COMPLETED",
      );
    }
  });

  it("a first score after the 14-day window is no baseline", () => {
    const r = evaluateEpisode(
      episode({ contacts: [contact(15, 30), contact(30, 10)] }),
      day(40),
      DEFAULT_RULE_SETTINGS,
    );
    expect(r).toMatchObject({
      baseline: null,
      latest: 10,
      reduction: null,
      response: false,
      remission: false,
    });
    expect(r.flags.map((f) => f.code)).toContain("NO_BASELINE");
  });

  it("without any score: no baseline, no latest, no targets", () => {
    const r = evaluateEpisode(episode({ contacts: weeklyCalls(0, 14) }), day(14), DEFAULT_RULE_SETTINGS);
    expect(r).toMatchObject({
      baseline: null,
      baselineDate: null,
      latest: null,
      latestDate: null,
      latestItem9: null,
      reduction: null,
      response: false,
      partialResponse: false,
      remission: false,
    });
  });

  it("the latest score's date and the last reached contact are reported", () => {
    const r = evaluateEpisode(
      episode({ contacts: [contact(0, 30), contact(5, 25), contact(9, null)] }),
      day(10),
      DEFAULT_RULE_SETTINGS,
    );
    expect(r).toMatchObject({ baselineDate: day(0), latestDate: day(5), lastReachedContactDate: day(9) });
    expect(r.baselineContactId).toMatch(/^c\d+$/);
    expect(evaluateEpisode(episode(), day(3), DEFAULT_RULE_SETTINGS).baselineContactId).toBeNull();
  });
});

describe("what counts as a score and as a reached contact", () => {
  const base = contact(0, 20);
  const variants: [string, Partial<CoreContact>, boolean, boolean][] = [
    ["a reached patient contact with items", {}, true, true],
    ["not reached", { reached: false }, false, false],
    ["with Försäkringskassan", { counterpart: "FORSAKRINGSKASSAN" }, false, false],
    ["without items", { items: null }, false, true],
  ];
  it.each(variants)("%s: score %s, reached %s", (_name, patch, scored, reached) => {
    const c = { ...base, ...patch };
    expect(isScored(c)).toBe(scored);
    expect(isReachedPatient(c)).toBe(reached);
  });
});

describe("each open flag says why, with its figures and the limit they passed", () => {
  const reasonOf = (facts: EpisodeFacts, asOfDay: number, code: FlagCode) =>
    evaluateEpisode(facts, day(asOfDay), DEFAULT_RULE_SETTINGS).flags.find((f) => f.code === code)?.reason;
  const calls = weeklyCalls(7, 98);

  it.each([
    [
      "SAFETY_RISK",
      episode({ contacts: [contact(0, 30, { item9: 5 }), contact(7, 20, { item9: 1 })] }),
      8,
      `Livslust 5 vid skattningen ${day(0)} (suicidrisk från 4); öppen tills en riskbedömning dokumenterats. Senaste Livslust 1 (${day(7)}).`,
    ],
    [
      "SAFETY_CHECK",
      episode({ contacts: [contact(0, 30), contact(7, 25, { item9: 3 })] }),
      8,
      `Livslust 3 vid skattningen ${day(7)} (riskbedömning från 2); öppen tills en riskbedömning dokumenterats.`,
    ],
    [
      "SEVERE",
      episode({ contacts: [contact(0, 30), contact(7, 38)] }),
      8,
      "Senaste MADRS-S 38 (svår från 35).",
    ],
    [
      "WORSENING",
      episode({ contacts: [contact(0, 24), contact(7, 31)] }),
      8,
      "Senaste MADRS-S 31, 7 poäng över utgångsvärdet 24 (gräns 5).",
    ],
    [
      "NO_BASELINE",
      episode({ contacts: weeklyCalls(0, 14) }),
      18,
      "Ingen MADRS-S inom 14 dagar från start; dag 18 i behandling.",
    ],
    [
      "EARLY_NON_RESPONSE",
      episode({ contacts: [contact(0, 30), ...weeklyCalls(7, 42), contact(43, 27)] }),
      45,
      "Minskning 10 % på dag 45 (delvis svar från 25 % minskning).",
    ],
    [
      "EARLY_NON_RESPONSE",
      episode({ contacts: [contact(0, 20), ...weeklyCalls(7, 42), contact(43, 24)] }),
      45,
      "Ökning 20 % på dag 45 (delvis svar från 25 % minskning).",
    ],
    [
      "OVERDUE_CONTACT",
      episode({ contacts: [contact(0, 30), contact(3, 28)] }),
      20,
      `17 dagar sedan senaste nådda kontakt (${day(3)}).`,
    ],
    [
      "OVERDUE_CONTACT",
      episode({ contacts: [contact(2, null, { reached: false })] }),
      15,
      `Ingen nådd kontakt sedan start (${day(0)}), 15 dagar.`,
    ],
    [
      "TWELVE_WEEK_DECISION",
      episode({ contacts: [contact(0, 30), ...calls, contact(84, 20)] }),
      85,
      "Dag 85: 12 veckor utan remission (senaste MADRS-S 20). Förläng, remittera eller avsluta med plan.",
    ],
    [
      "TWELVE_WEEK_DECISION",
      episode({ contacts: weeklyCalls(0, 84) }),
      85,
      "Dag 85: 12 veckor utan remission. Förläng, remittera eller avsluta med plan.",
    ],
    [
      "INACTIVE",
      episode({ contacts: [contact(0, 30)] }),
      92,
      `92 dagar sedan senaste nådda kontakt (${day(0)}).`,
    ],
    [
      "MARKED_FOR_REVIEW",
      episode({ contacts: weeklyCalls(0, 14), reviewRequests: [{ requestedAt: at(12) }] }),
      13,
      `Fråga till psykiatern sedan ${day(12)}, obesvarad.`,
    ],
  ] as const)("%s: %s", (code, facts, asOf, reason) => {
    expect(reasonOf(facts, asOf, code)).toBe(reason);
  });

  it("NO_RESPONSE names the response target", () => {
    const facts = episode({ contacts: [contact(0, 30), ...weeklyCalls(7, 56), contact(57, 20)] });
    expect(reasonOf(facts, 60, "NO_RESPONSE")).toBe(
      "Minskning 33 % på dag 60 (behandlingssvar från 50 % minskning).",
    );
  });

  it("no change at all is a reduction of 0 %, not an increase", () => {
    const facts = episode({ contacts: [contact(0, 30), ...weeklyCalls(7, 56), contact(57, 30)] });
    expect(reasonOf(facts, 60, "NO_RESPONSE")).toBe(
      "Minskning 0 % på dag 60 (behandlingssvar från 50 % minskning).",
    );
  });

  it("SAFETY_CHECK raised again after a handling names the score recorded after it", () => {
    const facts = episode({
      contacts: [contact(0, 30, { item9: 2 }), contact(9, 20, { item9: 3 })],
      handlings: [handling("SAFETY_CHECK", 8)],
    });
    expect(reasonOf(facts, 10, "SAFETY_CHECK")).toBe(
      `Livslust 3 vid skattningen ${day(9)} (riskbedömning från 2); öppen tills en riskbedömning dokumenterats.`,
    );
  });

  it("a safety flag raised again after a handling names the score recorded after it", () => {
    const facts = episode({
      contacts: [contact(0, 30, { item9: 5 }), contact(7, 30, { item9: 4 }), contact(9, 20, { item9: 6 })],
      handlings: [handling("SAFETY_RISK", 8)],
    });
    expect(reasonOf(facts, 10, "SAFETY_RISK")).toBe(
      `Livslust 6 vid skattningen ${day(9)} (suicidrisk från 4); öppen tills en riskbedömning dokumenterats.`,
    );
  });

  it("the limits are the unit's settings", () => {
    const s = { ...DEFAULT_RULE_SETTINGS, severeTotal: 30 };
    const facts = episode({ contacts: [contact(0, 30), contact(7, 32)] });
    expect(evaluateEpisode(facts, day(8), s).flags.find((f) => f.code === "SEVERE")?.reason).toBe(
      "Senaste MADRS-S 32 (svår från 30).",
    );
  });
});
