"use server";

import { z } from "zod";
import { ZId } from "@/lib/schemas";
import { defineAction } from "@/modules/forms/lib/define-action";
import { ZCaseReviewInput } from "@/modules/recommendations/schemas";
import { createVisit } from "./lib/create-visit";
import { editAgenda } from "./lib/edit-agenda";
import { recordVisitRecommendation } from "./lib/record-visit-recommendation";
import { ZAgendaChange, ZCreateVisit, type TAgendaChange } from "./schemas";

/** "Planera besök": a visit whose agenda is the review list as of its date; its page opens. */
export const createVisitAction = defineAction({
  schema: ZCreateVisit,
  permission: "review:conduct",
  run: ({ actor, input }) => createVisit({ actor, input }),
  revalidate: ["/konsultbesok"],
  redirectTo: (visit) => `/konsultbesok/${visit.id}`,
});

/** One change of the agenda; the form says which (op) and of what. */
export const agendaAction = defineAction({
  // Flat, so that a field error is named like the form's field (personnummer, time …).
  schema: ZAgendaChange.and(z.object({ visitId: ZId })),
  permission: "review:conduct",
  run: ({ actor, input }) => {
    const { visitId, ...change } = input;
    return editAgenda({ actor, visitId, change: change as TAgendaChange });
  },
  revalidate: (_d, input) => [`/konsultbesok/${input.visitId}`],
});

/** After the visit: the recommendation of one agenda item (the case review). */
export const visitRecommendationAction = defineAction({
  schema: ZCaseReviewInput.extend({ visitId: ZId, itemId: ZId }),
  permission: "review:conduct",
  run: ({ actor, input }) => recordVisitRecommendation({ actor, ...input }),
  revalidate: (_d, input) => [`/konsultbesok/${input.visitId}`, "/konsultlista", "/"],
});
