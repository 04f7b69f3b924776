import { z } from "zod";
import { ZPathId, defineContract } from "@/modules/api/lib/contract";
import { ZReviewRequest, ZReviewRequestInput } from "@/modules/flags/schemas";

export const requestReviewContract = defineContract({
  method: "POST",
  path: "/episodes/{id}/review-requests",
  summary: "Ask the psychiatrist for a review (raises MARKED_FOR_REVIEW)",
  description:
    "409 while a request is unanswered. The psychiatrist answers by handling MARKED_FOR_REVIEW; the handling's note is the answer.",
  params: z.object({ id: ZPathId }),
  body: ZReviewRequestInput,
  response: { status: 201, description: "The request", schema: ZReviewRequest },
  errors: [400, 403, 404, 409, 422],
});
