import { apiRoute } from "@/modules/api/lib/handler";
import { findPatients } from "@/modules/patients/lib/find-patients";
import { registerPatient } from "@/modules/patients/lib/register-patient";
import { findPatientsContract, registerPatientContract } from "./contract";

export const dynamic = "force-dynamic";

export const POST = apiRoute(registerPatientContract, ({ actor, body }) =>
  registerPatient({ actor, input: body }),
);

export const GET = apiRoute(findPatientsContract, ({ actor, query }) =>
  findPatients({ actor, personnummer: query.personnummer }),
);
