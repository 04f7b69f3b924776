import { apiRoute } from "@/modules/api/lib/handler";
import { getVisit } from "@/modules/visits/lib/get-visit";
import { visitForApi } from "@/modules/visits/lib/visit-api";
import { getVisitContract } from "./contract";

export const dynamic = "force-dynamic";

export const GET = apiRoute(getVisitContract, async ({ actor, params }) =>
  visitForApi(await getVisit({ actor, visitId: params.id })),
);
