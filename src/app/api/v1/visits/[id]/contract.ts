import { z } from "zod";
import { ZPathId, defineContract } from "@/modules/api/lib/contract";
import { ZVisit } from "@/modules/visits/schemas";

export const getVisitContract = defineContract({
  method: "GET",
  path: "/visits/{id}",
  summary: "A consultant visit with its agenda",
  description:
    "For each patient on the agenda: where the episode stands on the visit's date, the question asked, and the recommendation with who has read it.",
  params: z.object({ id: ZPathId }),
  response: { status: 200, description: "The visit", schema: ZVisit },
  errors: [403, 404],
});
