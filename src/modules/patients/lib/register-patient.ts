import "server-only";
import { CLINICAL_WRITERS, type UseCaseActor } from "@/lib/actor";
import { authorize } from "@/lib/authorize";
import { db } from "@/lib/db/client";
import { isUniqueViolation } from "@/lib/db/errors";
import { AppError } from "@/lib/errors";
import { recordPatientAccess } from "@/modules/audit/lib/record-access";
import type { TRegisterPatient } from "../schemas";
import { toPatientView } from "./patient-view";

const conflict = (existingId: string) =>
  new AppError("CONFLICT", { userMessage: "Patienten finns redan på enheten.", details: { existingId } });

/**
 * Registers a patient at one of the actor's units. The identity number is
 * unique per unit: registering it again there is a conflict naming the existing
 * record; another unit's record is neither revealed nor a conflict.
 */
export async function registerPatient({
  actor,
  input,
  requestId,
}: {
  actor: UseCaseActor;
  input: TRegisterPatient;
  requestId?: string;
}) {
  authorize(actor, { unitId: input.unitId, roles: CLINICAL_WRITERS });
  const key = { unitId_personnummer: { unitId: input.unitId, personnummer: input.personnummer } };
  try {
    return await db().$transaction(async (tx) => {
      const existing = await tx.patient.findUnique({ where: key, select: { id: true } });
      if (existing) throw conflict(existing.id);
      const patient = await tx.patient.create({
        data: {
          unitId: input.unitId,
          personnummer: input.personnummer,
          givenName: input.givenName,
          familyName: input.familyName,
          phone: input.phone ?? null,
          createdById: actor.userId,
        },
      });
      await recordPatientAccess(tx, actor, {
        action: "CREATE",
        unitId: patient.unitId,
        patientId: patient.id,
        target: `patient:${patient.id}`,
        requestId,
      });
      return toPatientView(patient);
    });
  } catch (e) {
    // Two registrations at once: the unique index decides, and the loser gets the same conflict.
    if (!isUniqueViolation(e)) throw e;
    const existing = await db().patient.findUniqueOrThrow({ where: key, select: { id: true } });
    throw conflict(existing.id);
  }
}
