import { apiRoute } from "@/modules/api/lib/handler";
import { createVisit } from "@/modules/visits/lib/create-visit";
import { getVisit } from "@/modules/visits/lib/get-visit";
import { listVisits } from "@/modules/visits/lib/list-visits";
import { visitForApi } from "@/modules/visits/lib/visit-api";
import { createVisitContract, listVisitsContract } from "./contract";

export const dynamic = "force-dynamic";

export const GET = apiRoute(listVisitsContract, ({ actor }) => listVisits({ actor }));

export const POST = apiRoute(createVisitContract, async ({ actor, body }) => {
  const { id } = await createVisit({ actor, input: body });
  return visitForApi(await getVisit({ actor, visitId: id }));
});
