import "server-only";
import { toDbDate } from "@/lib/dates";
import type { UseCaseActor } from "@/modules/auth/actor";
import { withUnits } from "@/modules/patient-data/lib/scoped";
import { computeReviewList } from "@/modules/review/lib/review-list";
import type { TCreateVisit } from "../schemas";

/**
 * Plans a consultant visit at one of the psychiatrist's units. Its agenda is
 * built from the review list as of the visit's date, in priority order: every
 * patient with SAFETY_RISK, SEVERE, NO_RESPONSE or TWELVE_WEEK_DECISION, and
 * every unanswered review request, is on it (the psychiatrist removes, adds
 * and reorders afterwards). One logged row per patient put on the agenda.
 */
export const createVisit = ({ actor, input }: { actor: UseCaseActor; input: TCreateVisit }) =>
  withUnits(
    {
      actor,
      permission: "review:conduct",
      forbidden: "Konsultbesök planeras av psykiatern.",
      unitId: input.unitId,
      transaction: true,
      attempt: { action: "CREATE", target: "visit" },
      access: (v: { id: string; agenda: { unitId: string; patientId: string }[] }) =>
        v.agenda.map((i) => ({
          action: "CREATE",
          unitId: i.unitId,
          patientId: i.patientId,
          target: `visit:${v.id}`,
        })),
    },
    async (tx, [unitId]) => {
      const list = await computeReviewList(tx, [unitId!], input.date, false);
      const visit = await tx.visit.create({
        data: {
          unitId: unitId!,
          date: toDbDate(input.date),
          psychiatristId: actor.userId,
          items: { create: list.items.map((i, position) => ({ episodeId: i.episodeId, position })) },
        },
      });
      return { id: visit.id, agenda: list.items };
    },
  );
