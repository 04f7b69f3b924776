import "server-only";
import { now } from "@/lib/clock";
import { todayInStockholm } from "@/lib/dates";
import { AppError } from "@/lib/errors";
import type { UseCaseActor } from "@/modules/auth/actor";
import { isOpenStatus } from "@/modules/clinical/rules/facts";
import { evaluateStoredEpisode } from "@/modules/episodes/lib/evaluate-episode";
import { withReviewRequest } from "@/modules/patient-data/lib/scoped";
import { recordRecommendation } from "@/modules/recommendations/lib/record-recommendation";

/**
 * The psychiatrist's written answer to a question (e-konsultation), between
 * visits. The answer belongs to the question itself, so a question whose
 * episode has closed can still be answered and read; while the episode is
 * open, the answer also handles MARKED_FOR_REVIEW. Like every answer it is
 * recorded as a recommendation addressed to the asker, the GP and the care
 * manager, so it waits on their start pages until they have read it.
 */
export const answerReviewRequest = ({
  actor,
  requestId,
  answer,
}: {
  actor: UseCaseActor;
  requestId: string;
  answer: string;
}) =>
  withReviewRequest(
    {
      actor,
      requestId,
      permission: "review:conduct",
      forbidden: "Frågor besvaras av psykiatern.",
      lock: false,
      access: { action: "UPDATE", target: `review-request:${requestId}:answer` },
    },
    async (tx, request) => {
      // Concurrent answers queue on the episode's row.
      await tx.$executeRaw`SELECT 1 FROM episode WHERE id = ${request.episodeId}::uuid FOR UPDATE`;
      const fresh = await tx.reviewRequest.findUniqueOrThrow({
        where: { id: requestId },
        include: { episode: { include: { patient: { select: { unitId: true } } } } },
      });
      const episode = fresh.episode;
      if (fresh.answeredAt) {
        throw new AppError("CONFLICT", {
          userMessage: "Frågan är redan besvarad.",
          details: { reason: "already-answered" },
        });
      }
      const answeredAt = now();
      const flagged =
        isOpenStatus(episode.status) &&
        (await evaluateStoredEpisode(tx, episode, todayInStockholm())).flags.some(
          (f) => f.code === "MARKED_FOR_REVIEW",
        );
      if (flagged) {
        await tx.flagHandling.create({
          data: {
            episodeId: episode.id,
            code: "MARKED_FOR_REVIEW",
            note: answer,
            handledAt: answeredAt,
            handledById: actor.userId,
            handledByRole: actor.role,
          },
        });
      }
      await recordRecommendation(tx, actor, episode, {
        text: answer,
        handledCodes: flagged ? ["MARKED_FOR_REVIEW"] : [],
        at: answeredAt,
        answers: [requestId],
      });
      const answered = await tx.reviewRequest.findUniqueOrThrow({ where: { id: requestId } });
      return {
        id: answered.id,
        episodeId: answered.episodeId,
        question: answered.question,
        requestedAt: answered.requestedAt.toISOString(),
        requestedById: answered.requestedById,
        answer: answered.answer,
        answeredAt: answeredAt.toISOString(),
      };
    },
  );
