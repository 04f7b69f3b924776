import "server-only";
import type { DbTx } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import type { UseCaseActor } from "@/modules/auth/actor";
import { withUnits } from "@/modules/patient-data/lib/scoped";
import type { TRegisterPatient } from "../schemas";
import { toPatientView } from "./patient-view";

const conflict = (existingId: string) =>
  new AppError("CONFLICT", { userMessage: "Patienten finns redan på enheten.", details: { existingId } });

/**
 * Registers a patient at one of the actor's units. The identity number is
 * unique per unit: registering it again there is a conflict naming the existing
 * record (and a logged refusal); another unit's record is neither revealed nor
 * a conflict.
 */
export const registerPatient = ({ actor, input }: { actor: UseCaseActor; input: TRegisterPatient }) => {
  const existing = (db: DbTx) =>
    db.patient.findUnique({
      where: { unitId_personnummer: { unitId: input.unitId, personnummer: input.personnummer } },
      select: { id: true },
    });
  return withUnits(
    {
      actor,
      permission: "clinical:write",
      unitId: input.unitId,
      transaction: true,
      attempt: { action: "CREATE", target: "patient" },
      access: (p: { id: string; unitId: string }) => [
        { action: "CREATE", unitId: p.unitId, patientId: p.id, target: `patient:${p.id}` },
      ],
      // Two registrations at once: the unique index decides, and the loser gets the same conflict.
      onUniqueViolation: async (db) => conflict((await existing(db))!.id),
    },
    async (tx, [unitId]) => {
      const found = await existing(tx);
      if (found) throw conflict(found.id);
      const patient = await tx.patient.create({
        data: {
          unitId: unitId!,
          personnummer: input.personnummer,
          givenName: input.givenName,
          familyName: input.familyName,
          phone: input.phone ?? null,
          createdById: actor.userId,
        },
      });
      return toPatientView(patient);
    },
  );
};
