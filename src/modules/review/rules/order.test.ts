import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  FLAG_CODES,
  isPsychiatristFlag,
  reviewPriority,
  type FlagCode,
} from "@/modules/clinical/rules/flags";
import { orderReviewList, reviewRank } from "./order";

describe("review list order", () => {
  it("exactly the psychiatrist-routed flags have a priority, in domain.md's order", () => {
    const ranked = [...FLAG_CODES].filter((c) => Number.isFinite(reviewPriority(c)));
    expect(ranked.sort((a, b) => reviewPriority(a) - reviewPriority(b))).toEqual([
      "SAFETY_RISK",
      "SEVERE",
      "TWELVE_WEEK_DECISION",
      "NO_RESPONSE",
      "MARKED_FOR_REVIEW",
    ]);
    expect(FLAG_CODES.filter(isPsychiatristFlag).sort()).toEqual([...ranked].sort());
  });

  it("an episode without psychiatrist-routed flags ranks last and is not listed", () => {
    expect(reviewRank(["OVERDUE_CONTACT", "WORSENING"])).toBe(Number.POSITIVE_INFINITY);
    expect(reviewRank(["OVERDUE_CONTACT", "NO_RESPONSE"])).toBe(4);
    expect(orderReviewList([{ episodeId: "x", daysInTreatment: 1, flags: ["INACTIVE"] }])).toEqual([]);
  });

  it("orders by the most urgent psychiatrist flag, then longest in treatment", () => {
    const list = orderReviewList([
      { episodeId: "a", daysInTreatment: 100, flags: ["MARKED_FOR_REVIEW"] },
      { episodeId: "b", daysInTreatment: 20, flags: ["SAFETY_RISK", "OVERDUE_CONTACT"] },
      { episodeId: "c", daysInTreatment: 90, flags: ["NO_RESPONSE", "TWELVE_WEEK_DECISION"] },
      { episodeId: "d", daysInTreatment: 95, flags: ["TWELVE_WEEK_DECISION"] },
      { episodeId: "e", daysInTreatment: 30, flags: ["SEVERE", "MARKED_FOR_REVIEW"] },
      { episodeId: "f", daysInTreatment: 200, flags: ["OVERDUE_CONTACT", "WORSENING"] },
      { episodeId: "g", daysInTreatment: 60, flags: ["NO_RESPONSE"] },
    ] as { episodeId: string; daysInTreatment: number; flags: FlagCode[] }[]);
    expect(list.map((i) => i.episodeId)).toEqual(["b", "e", "d", "c", "g", "a"]);
  });

  it("property: ranks never decrease down the list, and within a rank days never increase", () => {
    const arbItem = fc.record({
      episodeId: fc.uuid(),
      daysInTreatment: fc.integer({ min: 0, max: 400 }),
      flags: fc.subarray([...FLAG_CODES]),
    });
    fc.assert(
      fc.property(fc.array(arbItem, { maxLength: 30 }), (items) => {
        const list = orderReviewList(items);
        expect(list.length).toBe(items.filter((i) => i.flags.some(isPsychiatristFlag)).length);
        for (let i = 1; i < list.length; i++) {
          const [a, b] = [list[i - 1]!, list[i]!];
          expect(reviewRank(a.flags)).toBeLessThanOrEqual(reviewRank(b.flags));
          if (reviewRank(a.flags) === reviewRank(b.flags))
            expect(a.daysInTreatment).toBeGreaterThanOrEqual(b.daysInTreatment);
        }
      }),
    );
  });
});
