import { apiRoute } from "@/modules/api/lib/handler";
import { requestReview } from "@/modules/flags/lib/request-review";
import { requestReviewContract } from "./contract";

export const dynamic = "force-dynamic";

export const POST = apiRoute(requestReviewContract, ({ actor, params, body }) =>
  requestReview({ actor, episodeId: params.id, question: body.question }),
);
