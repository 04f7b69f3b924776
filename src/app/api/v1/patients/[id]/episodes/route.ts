import { apiRoute, json, parseBody, pathId } from "@/modules/api/lib/handler";
import { openEpisode } from "@/modules/episodes/lib/open-episode";
import { ZOpenEpisode } from "@/modules/episodes/schemas";

export const dynamic = "force-dynamic";

export const POST = apiRoute(async (ctx) => {
  const input = await parseBody(ctx.req, ZOpenEpisode);
  return json(
    await openEpisode({ actor: ctx.actor, patientId: pathId(ctx), input, requestId: ctx.requestId }),
    201,
  );
});
