import { defineContract } from "@/modules/api/lib/contract";
import { ZReviewList, ZReviewListQuery } from "@/modules/review/schemas";

export const reviewListContract = defineContract({
  method: "GET",
  path: "/review-list",
  summary: "The psychiatrist's review list as of a date",
  description:
    "Episodes in the caller's units (or `unitId`, one of them) with an open psychiatrist-routed flag, in domain.md's priority order.",
  query: ZReviewListQuery,
  response: { status: 200, description: "The list", schema: ZReviewList },
  errors: [400, 403, 404],
});
