import { apiRoute } from "@/modules/api/lib/handler";
import { recordVisitRecommendation } from "@/modules/visits/lib/record-visit-recommendation";
import { visitRecommendationContract } from "./contract";

export const dynamic = "force-dynamic";

export const POST = apiRoute(visitRecommendationContract, async ({ actor, params, body }) => {
  const { id, episodeId, handledCodes, addressees } = await recordVisitRecommendation({
    actor,
    visitId: params.id,
    itemId: params.itemId,
    text: body.text,
  });
  return { id, episodeId, handledCodes, addressees };
});
