import "server-only";
import type { Episode } from "@/generated/prisma/client";
import type { DbTx } from "@/lib/db/client";
import type { UseCaseActor } from "@/modules/auth/actor";
import type { FlagCode } from "@/modules/clinical/rules/flags";

/**
 * Everything the psychiatrist writes back about a patient (a case review, a
 * written answer between visits, a handled MARKED_FOR_REVIEW) is one
 * recommendation record: it answers the questions it is about, and is
 * addressed, with a read receipt each, to the GP and the care manager the
 * episode has now and to whoever asked — so the answer waits on the asker's
 * start page until "Tagen del av", whichever way the psychiatrist gave it.
 *
 * `answers`: "open" answers the episode's unanswered questions (at most one
 * is open at a time); a list answers those questions if still unanswered.
 */
export async function recordRecommendation(
  tx: DbTx,
  actor: UseCaseActor,
  episode: Pick<Episode, "id" | "gpId" | "careManagerId">,
  {
    text,
    handledCodes,
    at,
    answers,
  }: { text: string; handledCodes: FlagCode[]; at: Date; answers: "open" | string[] },
) {
  const questions = await tx.reviewRequest.findMany({
    where: {
      episodeId: episode.id,
      answeredAt: null,
      ...(answers === "open" ? {} : { id: { in: answers } }),
    },
    select: { id: true, requestedById: true },
  });
  if (questions.length > 0) {
    await tx.reviewRequest.updateMany({
      where: { id: { in: questions.map((q) => q.id) } },
      data: { answer: text, answeredAt: at, answeredById: actor.userId },
    });
  }
  const askers = await tx.user.findMany({
    where: { id: { in: questions.map((q) => q.requestedById) } },
    select: { id: true, role: true },
    orderBy: { id: "asc" },
  });
  const addressees = new Map<string, { userId: string; role: (typeof askers)[number]["role"] }>();
  if (episode.gpId) addressees.set(episode.gpId, { userId: episode.gpId, role: "ALLMANLAKARE" });
  if (episode.careManagerId && !addressees.has(episode.careManagerId))
    addressees.set(episode.careManagerId, { userId: episode.careManagerId, role: "VARDSAMORDNARE" });
  for (const a of askers) if (!addressees.has(a.id)) addressees.set(a.id, { userId: a.id, role: a.role });

  const recommendation = await tx.recommendation.create({
    data: {
      episodeId: episode.id,
      text,
      handledCodes,
      authorId: actor.userId,
      createdAt: at,
      receipts: { create: [...addressees.values()] },
    },
  });
  return {
    id: recommendation.id,
    addressees: addressees.size,
    answered: questions.map((q) => q.id),
  };
}
