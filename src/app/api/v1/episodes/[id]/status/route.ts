import { apiRoute, json, parseBody, pathId } from "@/modules/api/lib/handler";
import { changeStatus } from "@/modules/episodes/lib/change-status";
import { ZChangeStatus } from "@/modules/episodes/schemas";

export const dynamic = "force-dynamic";

export const POST = apiRoute(async (ctx) => {
  const input = await parseBody(ctx.req, ZChangeStatus);
  return json(
    await changeStatus({ actor: ctx.actor, episodeId: pathId(ctx), input, requestId: ctx.requestId }),
  );
});
