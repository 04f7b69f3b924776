import { apiRoute, json, parseQuery } from "@/modules/api/lib/handler";
import { reviewList } from "@/modules/review/lib/review-list";
import { ZReviewListQuery } from "@/modules/episodes/schemas";

export const dynamic = "force-dynamic";

export const GET = apiRoute(async ({ req, actor, requestId }) => {
  const { asOf, unitId } = parseQuery(req, ZReviewListQuery);
  return json(await reviewList({ actor, asOf, unitId, requestId }));
});
