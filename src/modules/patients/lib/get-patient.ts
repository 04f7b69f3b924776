import "server-only";
import { CLINICAL_READERS, type UseCaseActor } from "@/lib/actor";
import { authorize } from "@/lib/authorize";
import { db } from "@/lib/db/client";
import { fromDbDate } from "@/lib/dates";
import { AppError } from "@/lib/errors";
import { recordPatientAccess } from "@/modules/audit/lib/record-access";
import { toPatientView } from "./patient-view";

/** A patient with their episodes (newest first); a logged read of the clinical record. */
export async function getPatient({
  actor,
  patientId,
  requestId,
}: {
  actor: UseCaseActor;
  patientId: string;
  requestId?: string;
}) {
  return db().$transaction(async (tx) => {
    const patient = await tx.patient.findFirst({
      where: { id: patientId, unitId: { in: actor.unitIds } },
      include: { episodes: { orderBy: { startDate: "desc" } } },
    });
    if (!patient) throw new AppError("NOT_FOUND", { userMessage: "Patienten hittades inte." });
    authorize(actor, { roles: CLINICAL_READERS });
    await recordPatientAccess(tx, actor, {
      action: "READ",
      unitId: patient.unitId,
      patientId: patient.id,
      target: `patient:${patient.id}`,
      requestId,
    });
    return {
      ...toPatientView(patient),
      episodes: patient.episodes.map((e) => ({
        id: e.id,
        status: e.status,
        version: e.version,
        startDate: fromDbDate(e.startDate),
        closedDate: e.closedDate ? fromDbDate(e.closedDate) : null,
        careManagerId: e.careManagerId,
        gpId: e.gpId,
        diagnosis: e.diagnosis,
      })),
    };
  });
}
