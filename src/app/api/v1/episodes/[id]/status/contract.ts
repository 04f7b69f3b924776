import { z } from "zod";
import { ZPathId, defineContract } from "@/modules/api/lib/contract";
import { ZChangeStatus, ZEpisode } from "@/modules/episodes/schemas";

export const changeStatusContract = defineContract({
  method: "POST",
  path: "/episodes/{id}/status",
  summary: "Change the episode's status",
  description: "409 when `version` is stale (nothing is overwritten); 422 for a change domain.md forbids.",
  params: z.object({ id: ZPathId }),
  body: ZChangeStatus,
  response: { status: 200, description: "The episode", schema: ZEpisode },
  errors: [400, 403, 404, 409, 422],
});
