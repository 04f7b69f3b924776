import { describe, expect, it } from "vitest";
import { journalText, type JournalContact, type JournalContext } from "./journal-text";

const call: JournalContact = {
  date: "2026-12-02",
  time: "14:30",
  type: "PHONE",
  counterpart: "PATIENT",
  reached: true,
  items: [3, 3, 2, 2, 3, 3, 3, 3, 2],
  sickLeave: 50,
  durationMinutes: 15,
  note: "Sover bättre. Fortsatt oro inför arbetsåtergång.",
  nextPlannedDate: "2026-12-09",
};
const context: JournalContext = {
  week: 5,
  baseline: { total: 30, date: "2026-10-28" },
  flags: [
    {
      label: "Livslust – gör riskbedömning",
      reason: "Livslust 2 vid skattningen 2026-12-02 (riskbedömning från 2).",
    },
  ],
};

describe("journal text", () => {
  it("a scored call: every item, Livslust stated, change since baseline, flags, note and next contact", () => {
    expect(journalText(call, context)).toBe(
      [
        "Samarbetsvård: Telefonkontakt med patienten 2026-12-02 kl. 14:30, vecka 5 av 12, 15 min.",
        "MADRS-S 24 av 54 (måttlig).",
        "Delpoäng: Sinnesstämning 3, Oroskänslor 3, Sömn 2, Matlust 2, Koncentrationsförmåga 3, Initiativförmåga 3, Känslomässigt engagemang 3, Pessimism 3, Livslust 2.",
        "Livslust (fråga 9): 2 av 6.",
        "Jämfört med utgångsvärdet 30 (2026-10-28): 6 poäng lägre, minskning 20 %.",
        "Öppna flaggor: Livslust – gör riskbedömning – Livslust 2 vid skattningen 2026-12-02 (riskbedömning från 2).",
        "Sjukskriven 50 %.",
        "Anteckning: Sover bättre. Fortsatt oro inför arbetsåtergång.",
        "Nästa planerade kontakt: 2026-12-09.",
      ].join("\n"),
    );
  });

  it.each([
    [[6, 6, 6, 6, 6, 6, 0, 0, 4], "40", "10 poäng högre", "svår"],
    [[4, 4, 4, 4, 4, 4, 3, 3, 0], "30", "oförändrat", "måttlig"],
    [[1, 1, 1, 1, 1, 1, 1, 1, 0], "8", "22 poäng lägre, minskning 73 %", "ingen/minimal"],
  ])("%o: %s → %s", (items, _total, change, band) => {
    const text = journalText({ ...call, items }, context);
    expect(text).toContain(`utgångsvärdet 30 (2026-10-28): ${change}.`);
    expect(text).toContain(`(${band}).`);
  });

  it("an attempt: no score, the person was not reached", () => {
    expect(
      journalText(
        {
          ...call,
          reached: false,
          items: null,
          note: null,
          sickLeave: null,
          durationMinutes: null,
          time: null,
        },
        { week: 5, baseline: null, flags: [] },
      ),
    ).toBe(
      "Samarbetsvård: Telefonkontakt med patienten, ej nådd 2026-12-02, vecka 5 av 12.\nNästa planerade kontakt: 2026-12-09.",
    );
  });

  it.each([
    ["IN_PERSON", "FORSAKRINGSKASSAN", "Fysiskt besök med Försäkringskassan"],
    ["VIDEO", "SOCIALTJANST", "Videokontakt med socialtjänsten"],
    ["PHONE", "ARBETSGIVARE", "Telefonkontakt med arbetsgivaren"],
    ["PHONE", "OTHER", "Telefonkontakt med annan aktör"],
  ] as const)("%s with %s: %s", (type, counterpart, text) => {
    expect(journalText({ ...call, type, counterpart, items: null }, context)).toMatch(
      new RegExp(`^Samarbetsvård: ${text} 2026-12-02`),
    );
  });

  it("before the start no week is named, week 12 is 'av 12', several flags each get their words", () => {
    const noWeek = journalText({ ...call, nextPlannedDate: null }, { ...context, week: null, flags: [] });
    expect(noWeek.split("\n")[0]).toBe(
      "Samarbetsvård: Telefonkontakt med patienten 2026-12-02 kl. 14:30, 15 min.",
    );
    expect(noWeek).not.toContain("Nästa planerade kontakt");
    expect(journalText(call, { ...context, week: 12 })).toContain("vecka 12 av 12");
    const two = journalText(call, {
      ...context,
      flags: [
        { label: "Svår depression", reason: "Senaste MADRS-S 36." },
        { label: "Försämring", reason: "8 poäng över." },
      ],
    });
    expect(two).toContain("Öppna flaggor: Svår depression – Senaste MADRS-S 36. Försämring – 8 poäng över.");
  });

  it("the baseline's own text says it is the baseline, not a change against itself", () => {
    const text = journalText(call, { ...context, baseline: { total: 24, date: call.date, self: true } });
    expect(text).toContain("Skattningen är insatsens utgångsvärde.");
    expect(text).not.toContain("Jämfört med");
  });

  it("a score before there is a baseline says so; no sick leave is said plainly; after week 12 no 'of 12'", () => {
    const text = journalText({ ...call, sickLeave: 0 }, { week: 14, baseline: null, flags: [] });
    expect(text).toContain("vecka 14, 15 min.");
    expect(text).toContain("Utgångsvärde saknas ännu.");
    expect(text).toContain("Ej sjukskriven.");
    expect(text).not.toContain("Öppna flaggor");
  });
});
