import "server-only";
import type { UseCaseActor } from "@/modules/auth/actor";
import { may } from "@/modules/auth/rules/permissions";
import { withUnits } from "@/modules/patient-data/lib/scoped";
import { toPatientIdentity, toPatientView } from "./patient-view";

/**
 * Patients of the actor's units, optionally by identity number. A
 * verksamhetschef may look up an identity (to review a patient's access log),
 * and gets the identity only: id, name, personnummer, unit; never the record,
 * and no list of the unit. Every patient returned is a logged read.
 */
export const findPatients = ({ actor, personnummer }: { actor: UseCaseActor; personnummer?: string }) => {
  const target = personnummer ? "patient-search:personnummer" : "patient-list";
  return withUnits(
    {
      actor,
      permission: personnummer ? "identity:lookup" : "clinical:read",
      forbidden: "Sök på personnummer för att slå upp en patient.",
      attempt: { action: "READ", target },
      access: (patients: { id: string; unitId: string }[]) =>
        patients.map((p) => ({ action: "READ", unitId: p.unitId, patientId: p.id, target })),
    },
    async (db, unitIds) => {
      const patients = await db.patient.findMany({
        where: { unitId: { in: unitIds }, ...(personnummer ? { personnummer } : {}) },
        orderBy: [{ familyName: "asc" }, { givenName: "asc" }],
        take: 500,
      });
      return may(actor.role, "clinical:read") ? patients.map(toPatientView) : patients.map(toPatientIdentity);
    },
  );
};
