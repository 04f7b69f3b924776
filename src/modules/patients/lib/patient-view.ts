import type { Patient } from "@/generated/prisma/client";

export const toPatientIdentity = (
  p: Pick<Patient, "id" | "personnummer" | "givenName" | "familyName" | "unitId">,
) => ({
  id: p.id,
  personnummer: p.personnummer,
  givenName: p.givenName,
  familyName: p.familyName,
  unitId: p.unitId,
});

export const toPatientView = (p: Patient) => ({ ...toPatientIdentity(p), phone: p.phone });
