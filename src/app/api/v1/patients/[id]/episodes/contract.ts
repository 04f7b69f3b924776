import { z } from "zod";
import { ZPathId, defineContract } from "@/modules/api/lib/contract";
import { ZEpisode, ZOpenEpisode } from "@/modules/episodes/schemas";

export const openEpisodeContract = defineContract({
  method: "POST",
  path: "/patients/{id}/episodes",
  summary: "Open a 12-week episode",
  description: "409 with `existingId` while the patient has an open episode.",
  params: z.object({ id: ZPathId }),
  body: ZOpenEpisode,
  response: { status: 201, description: "The episode", schema: ZEpisode },
  errors: [400, 403, 404, 409, 422],
});
