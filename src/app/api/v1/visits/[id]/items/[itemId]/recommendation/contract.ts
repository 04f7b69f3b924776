import { z } from "zod";
import { ZPathId, defineContract } from "@/modules/api/lib/contract";
import { ZCaseReviewInput, ZRecommendationRecorded } from "@/modules/recommendations/schemas";

export const visitRecommendationContract = defineContract({
  method: "POST",
  path: "/visits/{id}/items/{itemId}/recommendation",
  summary: "After the visit: the recommendation for one agenda item (psychiatrist)",
  description:
    "It is the patient's case review: it handles the open psychiatrist flags, answers the open question, and is addressed to the GP and the care manager with a read receipt each. One per item: 409 if the item has one.",
  params: z.object({ id: ZPathId, itemId: ZPathId }),
  body: ZCaseReviewInput,
  response: { status: 201, description: "The recommendation", schema: ZRecommendationRecorded },
  errors: [400, 403, 404, 409],
});
