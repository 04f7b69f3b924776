import { apiRoute } from "@/modules/api/lib/handler";
import { openEpisode } from "@/modules/episodes/lib/open-episode";
import { openEpisodeContract } from "./contract";

export const dynamic = "force-dynamic";

export const POST = apiRoute(openEpisodeContract, ({ actor, params, body }) =>
  openEpisode({ actor, patientId: params.id, input: body }),
);
