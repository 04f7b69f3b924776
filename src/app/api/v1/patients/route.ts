import { apiRoute, json, parseBody, parseQuery } from "@/modules/api/lib/handler";
import { findPatients } from "@/modules/patients/lib/find-patients";
import { registerPatient } from "@/modules/patients/lib/register-patient";
import { ZPatientSearch, ZRegisterPatient } from "@/modules/patients/schemas";

export const dynamic = "force-dynamic";

export const POST = apiRoute(async ({ req, actor, requestId }) => {
  const input = await parseBody(req, ZRegisterPatient);
  return json(await registerPatient({ actor, input, requestId }), 201);
});

export const GET = apiRoute(async ({ req, actor, requestId }) => {
  const { personnummer } = parseQuery(req, ZPatientSearch);
  return json(await findPatients({ actor, personnummer, requestId }));
});
