import "server-only";
import type { DbTx } from "@/lib/db/client";
import { now } from "@/lib/clock";
import { todayInStockholm } from "@/lib/dates";
import type { UseCaseActor } from "@/modules/auth/actor";
import { isPsychiatristFlag } from "@/modules/clinical/rules/flags";
import { evaluateStoredEpisode } from "@/modules/episodes/lib/evaluate-episode";
import { withEpisode, type ScopedEpisode } from "@/modules/patient-data/lib/scoped";

/**
 * A psychiatrist's case review (domain.md): one recommendation, addressed to
 * the patient's GP and care manager, that handles all of the episode's open
 * psychiatrist-routed flags at once (each handling carries the text; the open
 * review request, if any, is answered by it). It may handle no flag at all: a
 * recommendation is a record of its own, with a read receipt per addressee.
 */
export const conductCaseReview = ({
  actor,
  episodeId,
  text,
}: {
  actor: UseCaseActor;
  episodeId: string;
  text: string;
}) =>
  withEpisode(
    {
      actor,
      episodeId,
      permission: "review:conduct",
      forbidden: "Fallgenomgångar görs av psykiatern.",
      lock: true,
      access: { action: "CREATE", target: (r: { id: string }) => `recommendation:${r.id}` },
    },
    (tx, episode) => caseReviewIn(tx, actor, episode, text),
  );

/** The work of a case review, inside a transaction that has scoped and authorized the episode. */
export async function caseReviewIn(tx: DbTx, actor: UseCaseActor, episode: ScopedEpisode, text: string) {
  const episodeId = episode.id;
  const view = await evaluateStoredEpisode(tx, episode, todayInStockholm());
  const codes = view.flags.map((f) => f.code).filter(isPsychiatristFlag);
  const at = now();
  for (const code of codes) {
    await tx.flagHandling.create({
      data: {
        episodeId,
        code,
        note: text,
        handledAt: at,
        handledById: actor.userId,
        handledByRole: actor.role,
      },
    });
  }
  if (codes.includes("MARKED_FOR_REVIEW")) {
    await tx.reviewRequest.updateMany({
      where: { episodeId, answeredAt: null },
      data: { answer: text, answeredAt: at, answeredById: actor.userId },
    });
  }
  // Addressed to the GP and the care manager the episode has now (one receipt each).
  const addressees = [
    ...(episode.gpId ? [{ userId: episode.gpId, role: "ALLMANLAKARE" as const }] : []),
    ...(episode.careManagerId && episode.careManagerId !== episode.gpId
      ? [{ userId: episode.careManagerId, role: "VARDSAMORDNARE" as const }]
      : []),
  ];
  const recommendation = await tx.recommendation.create({
    data: {
      episodeId,
      text,
      handledCodes: codes,
      authorId: actor.userId,
      createdAt: at,
      receipts: { create: addressees },
    },
  });
  return { id: recommendation.id, episodeId, handledCodes: codes, addressees: addressees.length };
}
