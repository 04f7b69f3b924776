import "server-only";
import { fromDbDate } from "@/lib/dates";
import type { UseCaseActor } from "@/modules/auth/actor";
import { withPatient } from "@/modules/patient-data/lib/scoped";
import { toPatientView } from "./patient-view";

/** A patient with their episodes (newest first); a logged read of the clinical record. */
export const getPatient = ({ actor, patientId }: { actor: UseCaseActor; patientId: string }) =>
  withPatient(
    { actor, patientId, permission: "clinical:read", access: { action: "READ" } },
    async (tx, patient) => {
      const episodes = await tx.episode.findMany({ where: { patientId }, orderBy: { startDate: "desc" } });
      return {
        ...toPatientView(patient),
        episodes: episodes.map((e) => ({
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
    },
  );
