import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { evaluateEpisode, type CoreContact, type EpisodeFacts } from "./evaluate";
import { FLAG_CODES } from "./flags";
import { addDays, daysBetween, stockholmDate } from "./local-date";
import { DEFAULT_RULE_SETTINGS } from "./settings";
import { START, at } from "./test-builders";

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
      items: fc.option(arbItems, { nil: null, freq: 3 }),
    })
    .map(({ day, recordedLag, minute, reached, counterpart, items }): CoreContact => {
      const scored = reached && counterpart === "PATIENT" ? items : null;
      return {
        id: `c${index}`,
        date: addDays(START, day),
        recordedAt: new Date(at(day + recordedLag, "07:00").getTime() + minute * 60_000),
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

const arbAsOf = fc.integer({ min: -5, max: 150 }).map((d) => addDays(START, d));
const evaluate = (facts: EpisodeFacts, asOf: string) => evaluateEpisode(facts, asOf, DEFAULT_RULE_SETTINGS);

describe("clinical core properties", () => {
  it("a contact dated after asOf never changes the result", () => {
    fc.assert(
      fc.property(
        arbFacts,
        arbAsOf,
        arbContact(999),
        fc.integer({ min: 1, max: 30 }),
        (facts, asOf, extra, ahead) => {
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
        arbFacts,
        arbAsOf,
        fc.constantFrom(...FLAG_CODES),
        fc.integer({ min: 1, max: 30 }),
        (facts, asOf, code, ahead) => {
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
      fc.property(arbFacts, arbAsOf, fc.integer(), (facts, asOf, seed) => {
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

  it("totals lie in 0–54, reduction is consistent with baseline and latest, since lies in [start, asOf]", () => {
    fc.assert(
      fc.property(arbFacts, arbAsOf, (facts, asOf) => {
        const r = evaluate(facts, asOf);
        for (const v of [r.baseline, r.latest]) if (v !== null) expect(v >= 0 && v <= 54).toBe(true);
        if (r.reduction !== null)
          expect(r.reduction).toBeCloseTo((r.baseline! - r.latest!) / r.baseline!, 12);
        expect(r.response && r.partialResponse).toBe(false);
        if (r.remission) expect(r.baseline! >= 13 && r.latest! <= 12).toBe(true);
        for (const f of r.flags) {
          expect(f.since >= START && f.since <= asOf).toBe(true);
        }
      }),
    );
  });

  it("only open episodes have flags, and each flag appears once", () => {
    fc.assert(
      fc.property(arbFacts, arbAsOf, (facts, asOf) => {
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
      fc.property(arbFacts, arbAsOf, (facts, asOf) => {
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

  it("without the since walk, the codes are the same", () => {
    fc.assert(
      fc.property(arbFacts, arbAsOf, (facts, asOf) => {
        const fast = evaluateEpisode(facts, asOf, DEFAULT_RULE_SETTINGS, { withSince: false });
        expect(fast.flags.map((f) => f.code)).toEqual(evaluate(facts, asOf).flags.map((f) => f.code));
      }),
    );
  });
});
