import { ZAsOfQuery } from "@/lib/schemas";
import { apiRoute, json, parseQuery, pathId } from "@/modules/api/lib/handler";
import { getEpisode } from "@/modules/episodes/lib/get-episode";

export const dynamic = "force-dynamic";

export const GET = apiRoute(async (ctx) => {
  const { asOf } = parseQuery(ctx.req, ZAsOfQuery);
  return json(await getEpisode({ actor: ctx.actor, episodeId: pathId(ctx), asOf, requestId: ctx.requestId }));
});
