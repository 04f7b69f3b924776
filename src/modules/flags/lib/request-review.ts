import "server-only";
import { AppError } from "@/lib/errors";
import type { UseCaseActor } from "@/modules/auth/actor";
import { isOpenStatus } from "@/modules/clinical/rules/facts";
import { withEpisode } from "@/modules/patient-data/lib/scoped";

const pending = () =>
  new AppError("CONFLICT", {
    userMessage: "Det finns redan en obesvarad fråga till psykiatern för insatsen.",
  });

/** A care manager's or GP's question for the psychiatrist: raises MARKED_FOR_REVIEW. */
export const requestReview = ({
  actor,
  episodeId,
  question,
}: {
  actor: UseCaseActor;
  episodeId: string;
  question: string;
}) =>
  withEpisode(
    {
      actor,
      episodeId,
      permission: "review:request",
      lock: true,
      access: { action: "CREATE", target: (request: { id: string }) => `review-request:${request.id}` },
      onUniqueViolation: async () => pending(),
    },
    async (tx, episode) => {
      if (await tx.reviewRequest.findFirst({ where: { episodeId, answeredAt: null }, select: { id: true } }))
        throw pending();
      if (!isOpenStatus(episode.status)) {
        throw new AppError("UNPROCESSABLE", {
          userMessage: "Insatsen är avslutad; starta en ny insats för att begära genomgång.",
        });
      }
      const request = await tx.reviewRequest.create({
        data: { episodeId, question, requestedById: actor.userId },
      });
      return {
        id: request.id,
        episodeId,
        question: request.question,
        requestedAt: request.requestedAt.toISOString(),
        requestedById: request.requestedById,
        answer: null,
        answeredAt: null,
      };
    },
  );
