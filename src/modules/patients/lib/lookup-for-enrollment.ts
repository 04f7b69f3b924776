import "server-only";
import type { UseCaseActor } from "@/modules/auth/actor";
import { OPEN_STATUSES } from "@/modules/clinical/rules/facts";
import { loadRuleSettings } from "@/modules/episodes/lib/facts";
import { withUnits } from "@/modules/patient-data/lib/scoped";

/**
 * "Skriv in patient" searches by identity number first: the person's record in
 * each of the actor's units, with the open episode if there is one, and the
 * units' rule settings (the form's safety notice uses each unit's own Livslust
 * limits). A logged read per record found.
 */
export const lookupForEnrollment = ({ actor, personnummer }: { actor: UseCaseActor; personnummer: string }) =>
  withUnits(
    {
      actor,
      permission: "clinical:write",
      forbidden: "Patienter skrivs in av vårdsamordnare och allmänläkare.",
      attempt: { action: "READ", target: "enrollment-search" },
      access: ({ found }: { found: { id: string; unitId: string }[] }) =>
        found.map((p) => ({
          action: "READ",
          unitId: p.unitId,
          patientId: p.id,
          target: "enrollment-search",
        })),
    },
    async (db, unitIds) => ({
      found: await db.patient.findMany({
        where: { unitId: { in: unitIds }, personnummer },
        select: {
          id: true,
          unitId: true,
          givenName: true,
          familyName: true,
          episodes: { where: { status: { in: [...OPEN_STATUSES] } }, select: { id: true } },
        },
      }),
      settings: await loadRuleSettings(db, unitIds),
    }),
  );
