import { z } from "zod";
import { ZAsOfQuery } from "@/lib/schemas";
import { ZPathId, defineContract } from "@/modules/api/lib/contract";
import { ZEpisode } from "@/modules/episodes/schemas";

export const getEpisodeContract = defineContract({
  method: "GET",
  path: "/episodes/{id}",
  summary: "An episode with targets and open flags as of a date",
  description: "`asOf` defaults to today in Europe/Stockholm; data dated after it is ignored.",
  params: z.object({ id: ZPathId }),
  query: ZAsOfQuery,
  response: { status: 200, description: "The episode", schema: ZEpisode },
  errors: [400, 403, 404],
});
