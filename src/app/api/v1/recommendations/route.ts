import { apiRoute } from "@/modules/api/lib/handler";
import { getUnreadRecommendations } from "@/modules/recommendations/lib/unread";
import { unreadRecommendationsContract } from "./contract";

export const dynamic = "force-dynamic";

export const GET = apiRoute(unreadRecommendationsContract, ({ actor }) =>
  getUnreadRecommendations({ actor }),
);
