import { z } from "zod";
import { ZPathId, defineContract } from "@/modules/api/lib/contract";
import { ZRecommendationRead } from "@/modules/recommendations/schemas";

export const markRecommendationReadContract = defineContract({
  method: "POST",
  path: "/episodes/{id}/recommendations/{recommendationId}/read",
  summary: 'Mark a recommendation read ("Tagen del av")',
  description:
    "The caller's own read receipt; 404 unless the recommendation is addressed to the caller. Marking it again changes nothing and answers the first time it was read.",
  params: z.object({ id: ZPathId, recommendationId: ZPathId }),
  response: { status: 200, description: "When it was read", schema: ZRecommendationRead },
  errors: [403, 404],
});
