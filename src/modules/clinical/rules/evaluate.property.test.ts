import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addDays, daysBetween, stockholmDate } from "@/lib/local-date";
import { evaluateEpisode, type CoreContact, type EpisodeFacts } from "./evaluate";
import { FLAG_CODES } from "./flags";
import type { RuleSettings } from "./settings";
import { START, arbSettings, at } from "./test-builders";

const arbItems = fc.array(fc.integer({ min: 0, max: 6 }), { minLength: 9, maxLength: 9 });
const COUNTERPARTS = ["PATIENT", "PATIENT", "PATIENT", "FORSAKRINGSKASSAN", "OTHER"] as const;

const arbContact = (index: number) =>
  fc
    .record({
      day: fc.integer({ min: 0, max: 130 }),
      recordedLag: fc.integer({ min: 0, max: 20 }), // entered the same day or up to 20 days later
      minute: fc.integer({ min: 0, max: 600 }),
      reached: fc.boolean(),
      counterpart: fc.constantFrom(...COUNTERPARTS),
      type: fc.constantFrom("PHONE", "IN_PERSON", "VIDEO", "PHONE", "SELF_REPORT" as const),
      items: fc.option(arbItems, { nil: null, freq: 3 }),
      selfItems: arbItems,
    })
    .map(({ day, recordedLag, minute, reached, counterpart, type, items, selfItems }): CoreContact => {
      const recordedAt = new Date(at(day + recordedLag, "07:00").getTime() + minute * 60_000);
      // A self-report as the database holds it: the patient's nine answers, not a conversation.
      if (type === "SELF_REPORT")
        return {
          id: `c${index}`,
          date: addDays(START, day),
          recordedAt,
          type,
          counterpart: "PATIENT",
          reached: false,
          items: selfItems,
        };
      const scored = reached && counterpart === "PATIENT" ? items : null;
      return {
        id: `c${index}`,
        date: addDays(START, day),
        recordedAt,
        type,
        counterpart,
        reached,
        items: scored,
      };
    });

const arbFacts: fc.Arbitrary<EpisodeFacts> = fc
  .record({
    n: fc.integer({ min: 0, max: 14 }),
    handlings: fc.array(
      fc.record({ code: fc.constantFrom(...FLAG_CODES), day: fc.integer({ min: 0, max: 140 }) }),
      { maxLength: 4 },
    ),
    requests: fc.array(fc.integer({ min: 0, max: 140 }), { maxLength: 2 }),
    close: fc.option(
      fc.record({
        status: fc.constantFrom("COMPLETED", "DEACTIVATED", "RELAPSE_PREVENTION" as const),
        day: fc.integer({ min: 0, max: 140 }),
      }),
      { nil: undefined },
    ),
  })
  .chain(({ n, handlings, requests, close }) =>
    fc.tuple(...Array.from({ length: n }, (_, i) => arbContact(i))).map((contacts) => ({
      startDate: START,
      contacts,
      statusChanges: close
        ? [{ status: close.status, date: addDays(START, close.day), recordedAt: at(close.day) }]
        : [],
      handlings: handlings.map((h) => ({ code: h.code, handledAt: at(h.day, "10:00") })),
      reviewRequests: requests.map((d) => ({ requestedAt: at(d, "09:00") })),
    })),
  );

/**
 * domain.md, said again here: a score counts when it is from a reached contact
 * with the patient or the patient's own self-report (which is never "reached").
 */
const countsAsScore = (c: CoreContact) =>
  c.items !== null && c.counterpart === "PATIENT" && (c.reached || c.type === "SELF_REPORT");

const arbAsOf = fc.integer({ min: -5, max: 150 }).map((d) => addDays(START, d));
// Every property holds for every valid setting, not only domain.md's defaults.
let settings: RuleSettings;
const evaluate = (facts: EpisodeFacts, asOf: string) => evaluateEpisode(facts, asOf, settings);

describe("clinical core properties", () => {
  it("a contact dated after asOf never changes the result", () => {
    fc.assert(
      fc.property(
        fc.tuple(arbSettings, arbFacts, arbAsOf, arbContact(999), fc.integer({ min: 1, max: 30 })),
        ([s, facts, asOf, extra, ahead]) => {
          settings = s;
          const later = { ...extra, date: addDays(asOf, ahead) };
          expect(evaluate({ ...facts, contacts: [...facts.contacts, later] }, asOf)).toEqual(
            evaluate(facts, asOf),
          );
        },
      ),
    );
  });

  it("handlings and review requests made after asOf never change the result", () => {
    fc.assert(
      fc.property(
        fc.tuple(
          arbSettings,
          arbFacts,
          arbAsOf,
          fc.constantFrom(...FLAG_CODES),
          fc.integer({ min: 1, max: 30 }),
        ),
        ([s, facts, asOf, code, ahead]) => {
          settings = s;
          const after = at(daysBetween(START, asOf) + ahead, "00:05");
          const more = {
            ...facts,
            handlings: [...facts.handlings, { code, handledAt: after }],
            reviewRequests: [...facts.reviewRequests, { requestedAt: after }],
          };
          expect(evaluate(more, asOf)).toEqual(evaluate(facts, asOf));
        },
      ),
    );
  });

  it("the order contacts, handlings and requests are given in never matters", () => {
    fc.assert(
      fc.property(fc.tuple(arbSettings, arbFacts, arbAsOf, fc.integer()), ([s, facts, asOf, seed]) => {
        settings = s;
        const shuffle = <T>(xs: readonly T[]) =>
          [...xs].sort(() => ((seed = (seed * 1103515245 + 12345) | 0) & 1 ? 1 : -1));
        const shuffled = {
          ...facts,
          contacts: shuffle(facts.contacts),
          handlings: shuffle(facts.handlings),
          reviewRequests: shuffle(facts.reviewRequests),
        };
        expect(evaluate(shuffled, asOf)).toEqual(evaluate(facts, asOf));
      }),
    );
  });

  it("baseline, latest and the targets are domain.md's definitions, computed here independently", () => {
    fc.assert(
      fc.property(fc.tuple(arbSettings, arbFacts, arbAsOf), ([s, facts, asOf]) => {
        settings = s;
        const r = evaluate(facts, asOf);
        // Scored = a reached patient contact with MADRS-S, dated up to asOf; ties by recording time.
        const scored = facts.contacts
          .filter((c) => countsAsScore(c) && c.date <= asOf)
          .sort((a, b) =>
            a.date === b.date ? a.recordedAt.getTime() - b.recordedAt.getTime() : a.date < b.date ? -1 : 1,
          );
        const sum = (c: CoreContact) => c.items!.reduce((x, y) => x + y, 0);
        const base = scored.find((c) => c.date <= addDays(START, s.baselineWindowDays));
        const last = scored.at(-1);
        expect(r.baseline).toBe(base ? sum(base) : null);
        expect(r.latest).toBe(last ? sum(last) : null);
        expect(r.latestItem9).toBe(last ? last.items![8] : null);
        const b = base ? sum(base) : 0;
        const l = last ? sum(last) : 0;
        const defined = base !== undefined && last !== undefined && b > 0;
        expect(r.reduction).toBe(defined ? (b - l) / b : null);
        // Exact: reduction ≥ p % is 100·(b − l) ≥ p·b in integers.
        expect(r.response).toBe(defined && 100 * (b - l) >= s.responsePercent * b);
        expect(r.partialResponse).toBe(
          defined && 100 * (b - l) >= s.partialResponsePercent * b && 100 * (b - l) < s.responsePercent * b,
        );
        expect(r.remission).toBe(defined && b >= s.remissionMinBaseline && l <= s.remissionMaxTotal);
        for (const f of r.flags) expect(f.since >= START && f.since <= asOf).toBe(true);
      }),
    );
  });

  it("only open episodes have flags, and each flag appears once", () => {
    fc.assert(
      fc.property(fc.tuple(arbSettings, arbFacts, arbAsOf), ([s, facts, asOf]) => {
        settings = s;
        const r = evaluate(facts, asOf);
        if (r.status !== "ACTIVE" && r.status !== "RELAPSE_PREVENTION") expect(r.flags).toEqual([]);
        expect(new Set(r.flags.map((f) => f.code)).size).toBe(r.flags.length);
        if (r.status === "RELAPSE_PREVENTION") {
          expect(r.flags.map((f) => f.code)).not.toContain("OVERDUE_CONTACT");
          expect(r.flags.map((f) => f.code)).not.toContain("TWELVE_WEEK_DECISION");
        }
      }),
    );
  });

  it("an open flag was open on every day from its since to asOf", () => {
    fc.assert(
      fc.property(fc.tuple(arbSettings, arbFacts, arbAsOf), ([s, facts, asOf]) => {
        settings = s;
        for (const flag of evaluate(facts, asOf).flags) {
          for (let d = flag.since; d <= asOf; d = addDays(d, 1)) {
            expect(evaluate(facts, d).flags.map((f) => f.code)).toContain(flag.code);
          }
          // The day before, it was closed, or it was open under an earlier raise that a
          // handling made by asOf ended.
          if (flag.since > START) {
            const before = evaluate(facts, addDays(flag.since, -1)).flags.map((f) => f.code);
            const handledLater = facts.handlings.some(
              (h) =>
                h.code === flag.code &&
                stockholmDate(h.handledAt) >= addDays(flag.since, -1) &&
                stockholmDate(h.handledAt) <= asOf,
            );
            expect(!before.includes(flag.code) || handledLater).toBe(true);
          }
        }
      }),
      { numRuns: 60 },
    );
  });

  it("SAFETY_RISK is open exactly when domain.md's formal rule says so", () => {
    fc.assert(
      fc.property(fc.tuple(arbSettings, arbFacts, arbAsOf), ([s, facts, asOf]) => {
        settings = s;
        const r = evaluate(facts, asOf);
        const madeBy = facts.handlings
          .filter((h) => h.code === "SAFETY_RISK" && stockholmDate(h.handledAt) <= asOf)
          .map((h) => h.handledAt.getTime());
        const lastHandling = madeBy.length ? Math.max(...madeBy) : -Infinity;
        const raising = facts.contacts.filter(
          (c) =>
            countsAsScore(c) &&
            c.date <= asOf &&
            c.recordedAt.getTime() > lastHandling &&
            c.items![8]! >= s.safetyRiskItem9,
        );
        const open = r.status === "ACTIVE" || r.status === "RELAPSE_PREVENTION";
        const flag = r.flags.find((f) => f.code === "SAFETY_RISK");
        expect(flag !== undefined).toBe(open && raising.length > 0);
        if (flag) expect(flag.since).toBe(raising.map((c) => c.date).sort()[0]);
      }),
    );
  });

  it("without the since walk, the codes are the same", () => {
    fc.assert(
      fc.property(fc.tuple(arbSettings, arbFacts, arbAsOf), ([s, facts, asOf]) => {
        settings = s;
        const fast = evaluateEpisode(facts, asOf, settings, { withSince: false });
        expect(fast.flags.map((f) => f.code)).toEqual(evaluate(facts, asOf).flags.map((f) => f.code));
        // No walk was made: every since is asOf.
        expect(fast.flags.every((f) => f.since === asOf)).toBe(true);
      }),
    );
  });
});
