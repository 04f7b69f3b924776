import type { Patient } from "@/generated/prisma/client";

export const toPatientView = (p: Patient) => ({
  id: p.id,
  personnummer: p.personnummer,
  givenName: p.givenName,
  familyName: p.familyName,
  phone: p.phone,
  unitId: p.unitId,
});
