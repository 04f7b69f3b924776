import "server-only";
import type { DbTx } from "@/lib/db/client";
import { now } from "@/lib/clock";
import { todayInStockholm } from "@/lib/dates";
import type { UseCaseActor } from "@/modules/auth/actor";
import { isPsychiatristFlag } from "@/modules/clinical/rules/flags";
import { evaluateStoredEpisode } from "@/modules/episodes/lib/evaluate-episode";
import { withEpisode, type ScopedEpisode } from "@/modules/patient-data/lib/scoped";
import { recordRecommendation } from "./record-recommendation";

/**
 * A psychiatrist's case review (domain.md): one recommendation, addressed to
 * the patient's GP and care manager (and whoever asked the open question),
 * that handles all of the episode's open psychiatrist-routed flags at once
 * (each handling carries the text; the open review request, if any, is
 * answered by it). It may handle no flag at all: a recommendation is a record
 * of its own, with a read receipt per addressee.
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
  const recommendation = await recordRecommendation(tx, actor, episode, {
    text,
    handledCodes: codes,
    at,
    answers: "open",
  });
  return { id: recommendation.id, episodeId, handledCodes: codes, addressees: recommendation.addressees };
}
