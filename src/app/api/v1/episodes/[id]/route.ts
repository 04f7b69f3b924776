import { apiRoute } from "@/modules/api/lib/handler";
import { getEpisode } from "@/modules/episodes/lib/get-episode";
import { getEpisodeContract } from "./contract";

export const dynamic = "force-dynamic";

export const GET = apiRoute(getEpisodeContract, ({ actor, params, query }) =>
  getEpisode({ actor, episodeId: params.id, asOf: query.asOf }),
);
