import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  FLAG_CODES,
  REVIEW_PRIORITY,
  isPsychiatristFlag,
  type FlagCode,
} from "@/modules/clinical/rules/flags";
import { orderReviewList, reviewRank } from "./order";

describe("review list order", () => {
  it("every psychiatrist-routed flag has a priority", () => {
    expect(FLAG_CODES.filter(isPsychiatristFlag).sort()).toEqual([...REVIEW_PRIORITY].sort());
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
