// The psychiatrist's review list (Konsultlista): episodes with an open
// psychiatrist-routed flag, by the priority of their most urgent such flag
// (SAFETY_RISK, SEVERE, TWELVE_WEEK_DECISION, NO_RESPONSE, MARKED_FOR_REVIEW),
// then longest in treatment first; the episode id breaks ties so the order is stable.
import { isPsychiatristFlag, reviewPriority, type FlagCode } from "@/modules/clinical/rules/flags";

export type ReviewCandidate = { episodeId: string; daysInTreatment: number; flags: readonly FlagCode[] };

/** The place of an episode's most urgent psychiatrist-routed flag (Infinity with none). */
export const reviewRank = (flags: readonly FlagCode[]): number => Math.min(...flags.map(reviewPriority));

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
