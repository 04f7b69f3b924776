import { apiRoute } from "@/modules/api/lib/handler";
import { getPatient } from "@/modules/patients/lib/get-patient";
import { getPatientContract } from "./contract";

export const dynamic = "force-dynamic";

export const GET = apiRoute(getPatientContract, ({ actor, params }) =>
  getPatient({ actor, patientId: params.id }),
);
