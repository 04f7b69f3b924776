import { apiRoute, json, parseBody, pathId } from "@/modules/api/lib/handler";
import { requestReview } from "@/modules/flags/lib/request-review";
import { ZReviewRequestInput } from "@/modules/episodes/schemas";

export const dynamic = "force-dynamic";

export const POST = apiRoute(async (ctx) => {
  const { question } = await parseBody(ctx.req, ZReviewRequestInput);
  return json(
    await requestReview({ actor: ctx.actor, episodeId: pathId(ctx), question, requestId: ctx.requestId }),
    201,
  );
});
