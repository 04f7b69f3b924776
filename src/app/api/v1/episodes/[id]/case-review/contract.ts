import { z } from "zod";
import { ZPathId, defineContract } from "@/modules/api/lib/contract";
import { ZCaseReviewInput, ZRecommendationRecorded } from "@/modules/recommendations/schemas";

export const caseReviewContract = defineContract({
  method: "POST",
  path: "/episodes/{id}/case-review",
  summary: "A case review: one recommendation (psychiatrist)",
  description:
    "Handles all of the episode's open psychiatrist-routed flags at once (possibly none) and answers the open question; addressed to the GP, the care manager and whoever asked, each with a read receipt.",
  params: z.object({ id: ZPathId }),
  body: ZCaseReviewInput,
  response: { status: 201, description: "The recommendation", schema: ZRecommendationRecorded },
  errors: [400, 403, 404],
});
