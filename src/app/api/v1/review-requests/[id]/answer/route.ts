import { apiRoute } from "@/modules/api/lib/handler";
import { answerReviewRequest } from "@/modules/flags/lib/answer-review-request";
import { answerReviewRequestContract } from "./contract";

export const dynamic = "force-dynamic";

export const POST = apiRoute(answerReviewRequestContract, ({ actor, params, body }) =>
  answerReviewRequest({ actor, requestId: params.id, answer: body.answer }),
);
