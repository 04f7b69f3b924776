import "server-only";
import { AppError } from "@/lib/errors";
import type { UseCaseActor } from "@/modules/auth/actor";
import { caseReviewIn } from "@/modules/recommendations/lib/conduct-case-review";
import { withVisit } from "@/modules/patient-data/lib/scoped";

/**
 * After the visit: the recommendation for one agenda item. It is the case
 * review (domain.md): it handles the patient's open psychiatrist flags and
 * goes to the GP and the care manager. One per item.
 */
export const recordVisitRecommendation = ({
  actor,
  visitId,
  itemId,
  text,
}: {
  actor: UseCaseActor;
  visitId: string;
  itemId: string;
  text: string;
}) =>
  withVisit(
    {
      actor,
      visitId,
      permission: "review:conduct",
      forbidden: "Rekommendationer skrivs av psykiatern.",
      transaction: true,
      attempt: { action: "CREATE", target: `visit:${visitId}:recommendation` },
      access: (r: { id: string; unitId: string; patientId: string }) => [
        { action: "CREATE", unitId: r.unitId, patientId: r.patientId, target: `recommendation:${r.id}` },
      ],
    },
    async (tx, visit) => {
      // The item's row lock first: a second recommendation for it (a double post, a retry)
      // waits here, then finds the first one and is refused.
      await tx.$executeRaw`SELECT 1 FROM visit_item WHERE id = ${itemId}::uuid AND visit_id = ${visitId}::uuid FOR UPDATE`;
      const item = await tx.visitItem.findFirst({
        where: { id: itemId, visitId },
        include: { episode: { include: { patient: { select: { unitId: true } } } } },
      });
      if (!item) throw new AppError("NOT_FOUND", { userMessage: "Punkten finns inte på dagordningen." });
      if (item.recommendationId) {
        throw new AppError("CONFLICT", {
          userMessage: "Punkten har redan sin rekommendation; skriv en ny på patientens sida vid behov.",
        });
      }
      // The episode's row lock keeps this and a concurrent case review in order.
      await tx.$executeRaw`SELECT 1 FROM episode WHERE id = ${item.episodeId}::uuid FOR UPDATE`;
      const review = await caseReviewIn(tx, actor, item.episode, text);
      await tx.visitItem.update({ where: { id: item.id }, data: { recommendationId: review.id } });
      return { ...review, unitId: visit.unitId, patientId: item.episode.patientId };
    },
  );
