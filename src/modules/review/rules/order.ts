// The psychiatrist's review list (Konsultlista): episodes with an open
// psychiatrist-routed flag, by the priority of their most urgent such flag
// (SAFETY_RISK, SEVERE, TWELVE_WEEK_DECISION, NO_RESPONSE, MARKED_FOR_REVIEW),
// then longest in treatment first; the episode id breaks ties so the order is stable.
import { REVIEW_PRIORITY, isPsychiatristFlag, type FlagCode } from "@/modules/clinical/rules/flags";

export type ReviewCandidate = { episodeId: string; daysInTreatment: number; flags: readonly FlagCode[] };

export const reviewRank = (flags: readonly FlagCode[]): number => {
  const ranks = flags.filter(isPsychiatristFlag).map((f) => REVIEW_PRIORITY.indexOf(f));
  return ranks.length ? Math.min(...ranks) : Number.POSITIVE_INFINITY;
};

export function orderReviewList<T extends ReviewCandidate>(items: readonly T[]): T[] {
  return items
    .filter((i) => i.flags.some(isPsychiatristFlag))
    .map((item) => ({ item, rank: reviewRank(item.flags) }))
    .sort(
      (a, b) =>
        a.rank - b.rank ||
        b.item.daysInTreatment - a.item.daysInTreatment ||
        a.item.episodeId.localeCompare(b.item.episodeId),
    )
    .map(({ item }) => item);
}
