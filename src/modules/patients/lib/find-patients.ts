import "server-only";
import type { UseCaseActor } from "@/lib/actor";
import { authorize } from "@/lib/authorize";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { recordAccessMany } from "@/modules/audit/lib/record-access";
import { toPatientView } from "./patient-view";

/**
 * Patients of the actor's units, optionally by identity number. A
 * verksamhetschef may look up identities too (to review a patient's access
 * log), never the clinical record. Every patient returned is a logged read.
 */
export async function findPatients({
  actor,
  personnummer,
  requestId,
}: {
  actor: UseCaseActor;
  personnummer?: string;
  requestId?: string;
}) {
  authorize(actor);
  // A verksamhetschef looks up one identity (for loggkontroll); listing the unit is clinical work.
  if (!personnummer && actor.role === "VERKSAMHETSCHEF") {
    throw new AppError("FORBIDDEN", { userMessage: "Sök på personnummer för att slå upp en patient." });
  }
  const patients = await db().patient.findMany({
    where: { unitId: { in: actor.unitIds }, ...(personnummer ? { personnummer } : {}) },
    orderBy: [{ familyName: "asc" }, { givenName: "asc" }],
    take: 500,
  });
  await recordAccessMany(
    db(),
    patients.map((p) => ({
      action: "READ",
      userId: actor.userId,
      username: actor.username,
      unitId: p.unitId,
      patientId: p.id,
      target: personnummer ? "patient-search:personnummer" : "patient-list",
      requestId,
    })),
  );
  return patients.map(toPatientView);
}
