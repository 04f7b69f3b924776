import "server-only";
import type { DbTx } from "@/lib/db/client";

/** The identity of these patients, those of them in the given units only (a scoped use case's units). */
export const patientsInUnits = (db: DbTx, patientIds: readonly string[], unitIds: readonly string[]) =>
  db.patient.findMany({
    where: { id: { in: [...patientIds] }, unitId: { in: [...unitIds] } },
    select: { id: true, unitId: true, givenName: true, familyName: true, personnummer: true },
    orderBy: { id: "asc" },
  });
