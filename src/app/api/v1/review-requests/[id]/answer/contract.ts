import { z } from "zod";
import { ZPathId, defineContract } from "@/modules/api/lib/contract";
import { ZAnswerInput, ZReviewRequest } from "@/modules/flags/schemas";

export const answerReviewRequestContract = defineContract({
  method: "POST",
  path: "/review-requests/{id}/answer",
  summary: "Answer a question for the psychiatrist (e-konsultation)",
  description:
    "The psychiatrist's written answer. It belongs to the question, so a question whose episode has closed can still be answered; while the episode is open it also handles MARKED_FOR_REVIEW. 409 if already answered.",
  params: z.object({ id: ZPathId }),
  body: ZAnswerInput,
  response: { status: 200, description: "The answered question", schema: ZReviewRequest },
  errors: [400, 403, 404, 409],
});
