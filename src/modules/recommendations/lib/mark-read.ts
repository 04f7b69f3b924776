import "server-only";
import { now } from "@/lib/clock";
import { AppError } from "@/lib/errors";
import type { UseCaseActor } from "@/modules/auth/actor";
import { withEpisode } from "@/modules/patient-data/lib/scoped";

/**
 * "Tagen del av": an addressee of a recommendation confirms they have read
 * it. Only the actor's own receipt, on an episode of their units; reading
 * again changes nothing.
 */
export const markRecommendationRead = ({
  actor,
  episodeId,
  recommendationId,
}: {
  actor: UseCaseActor;
  episodeId: string;
  recommendationId: string;
}) =>
  withEpisode(
    {
      actor,
      episodeId,
      permission: "clinical:read",
      access: { action: "UPDATE", target: `recommendation:${recommendationId}:read` },
    },
    async (tx) => {
      const receipt = await tx.recommendationReceipt.findFirst({
        where: { recommendationId, userId: actor.userId, recommendation: { episodeId } },
        select: { readAt: true },
      });
      if (!receipt)
        throw new AppError("NOT_FOUND", { userMessage: "Rekommendationen är inte ställd till dig." });
      const readAt = receipt.readAt ?? now();
      if (!receipt.readAt) {
        await tx.recommendationReceipt.update({
          where: { recommendationId_userId: { recommendationId, userId: actor.userId } },
          data: { readAt },
        });
      }
      return { recommendationId, readAt: readAt.toISOString() };
    },
  );
