import { apiRoute } from "@/modules/api/lib/handler";
import { markRecommendationRead } from "@/modules/recommendations/lib/mark-read";
import { markRecommendationReadContract } from "./contract";

export const dynamic = "force-dynamic";

export const POST = apiRoute(markRecommendationReadContract, ({ actor, params }) =>
  markRecommendationRead({ actor, episodeId: params.id, recommendationId: params.recommendationId }),
);
