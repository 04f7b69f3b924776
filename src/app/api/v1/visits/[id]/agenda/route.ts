import { apiRoute } from "@/modules/api/lib/handler";
import { editAgenda } from "@/modules/visits/lib/edit-agenda";
import { getVisit } from "@/modules/visits/lib/get-visit";
import { visitForApi } from "@/modules/visits/lib/visit-api";
import { editAgendaContract } from "./contract";

export const dynamic = "force-dynamic";

export const POST = apiRoute(editAgendaContract, async ({ actor, params, body }) => {
  await editAgenda({ actor, visitId: params.id, change: body });
  return visitForApi(await getVisit({ actor, visitId: params.id }));
});
