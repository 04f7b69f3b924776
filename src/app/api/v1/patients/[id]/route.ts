import { apiRoute, json, pathId } from "@/modules/api/lib/handler";
import { getPatient } from "@/modules/patients/lib/get-patient";

export const dynamic = "force-dynamic";

export const GET = apiRoute(async (ctx) =>
  json(await getPatient({ actor: ctx.actor, patientId: pathId(ctx), requestId: ctx.requestId })),
);
