import { z } from "zod";
import { defineContract } from "@/modules/api/lib/contract";
import { ZUnreadRecommendation } from "@/modules/recommendations/schemas";

export const unreadRecommendationsContract = defineContract({
  method: "GET",
  path: "/recommendations",
  summary: "The psychiatrist's recommendations addressed to the caller, not yet read",
  description:
    "Oldest first, in the caller's units: what waits on the GP's and the care manager's start page until marked read (POST /episodes/{id}/recommendations/{recommendationId}/read).",
  response: {
    status: 200,
    description: "The unread recommendations",
    schema: z.array(ZUnreadRecommendation),
  },
  errors: [403],
});
