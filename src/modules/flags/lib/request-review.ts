import "server-only";
import { CLINICAL_WRITERS, type UseCaseActor } from "@/lib/actor";
import { authorize } from "@/lib/authorize";
import { db } from "@/lib/db/client";
import { isUniqueViolation } from "@/lib/db/errors";
import { AppError } from "@/lib/errors";
import { recordPatientAccess } from "@/modules/audit/lib/record-access";
import { findEpisodeInScope } from "@/modules/episodes/lib/episode-scope";

const pending = () =>
  new AppError("CONFLICT", {
    userMessage: "Det finns redan en obesvarad fråga till psykiatern för insatsen.",
  });

/** A care manager's or GP's question for the psychiatrist: raises MARKED_FOR_REVIEW. */
export async function requestReview({
  actor,
  episodeId,
  question,
  requestId,
}: {
  actor: UseCaseActor;
  episodeId: string;
  question: string;
  requestId?: string;
}) {
  try {
    return await db().$transaction(async (tx) => {
      const episode = await findEpisodeInScope(tx, actor, episodeId, { lock: true });
      authorize(actor, { roles: CLINICAL_WRITERS });
      if (await tx.reviewRequest.findFirst({ where: { episodeId, answeredAt: null }, select: { id: true } }))
        throw pending();
      if (episode.status === "COMPLETED" || episode.status === "DEACTIVATED") {
        throw new AppError("UNPROCESSABLE", {
          userMessage: "Insatsen är avslutad; starta en ny insats för att begära genomgång.",
        });
      }
      const request = await tx.reviewRequest.create({
        data: { episodeId, question, requestedById: actor.userId },
      });
      await recordPatientAccess(tx, actor, {
        action: "CREATE",
        unitId: episode.patient.unitId,
        patientId: episode.patientId,
        target: `review-request:${request.id}`,
        requestId,
      });
      return {
        id: request.id,
        episodeId,
        question: request.question,
        requestedAt: request.requestedAt.toISOString(),
        requestedById: request.requestedById,
        answer: null,
      };
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw pending();
    throw e;
  }
}
