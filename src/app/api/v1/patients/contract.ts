import { defineContract } from "@/modules/api/lib/contract";
import { ZPatient, ZPatientSearch, ZPatientSearchResult, ZRegisterPatient } from "@/modules/patients/schemas";

export const registerPatientContract = defineContract({
  method: "POST",
  path: "/patients",
  summary: "Register a patient",
  description:
    "The identity number is normalised to 12 digits. A second registration in the same unit is 409 with `existingId`; another unit's record is neither revealed nor a conflict.",
  body: ZRegisterPatient,
  response: { status: 201, description: "Registered", schema: ZPatient },
  errors: [400, 403, 404, 409],
});

export const findPatientsContract = defineContract({
  method: "GET",
  path: "/patients",
  summary: "Find patients in the caller's units",
  description:
    "A verksamhetschef may search by personnummer (to review a patient's access log) and gets the identity only, without phone; listing without personnummer is for clinical roles.",
  query: ZPatientSearch,
  response: { status: 200, description: "Patients", schema: ZPatientSearchResult },
  errors: [400, 403],
});
