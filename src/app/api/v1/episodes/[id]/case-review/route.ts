import { apiRoute } from "@/modules/api/lib/handler";
import { conductCaseReview } from "@/modules/recommendations/lib/conduct-case-review";
import { caseReviewContract } from "./contract";

export const dynamic = "force-dynamic";

export const POST = apiRoute(caseReviewContract, ({ actor, params, body }) =>
  conductCaseReview({ actor, episodeId: params.id, text: body.text }),
);
