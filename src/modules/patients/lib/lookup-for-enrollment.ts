import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import type { UseCaseActor } from "@/modules/auth/actor";
import { OPEN_STATUSES } from "@/modules/clinical/rules/facts";
import { withPatient, withUnits } from "@/modules/patient-data/lib/scoped";

/** What enrollment needs to know of a person: their record at the unit, and whether an episode is open. */
export type EnrollmentMatch = {
  personnummer: string;
  patient: { id: string; unitId: string; name: string } | null;
  /** Set when the record has an open episode: then no new one can start. */
  openEpisodeId: string | null;
};

const select = {
  id: true,
  unitId: true,
  personnummer: true,
  givenName: true,
  familyName: true,
  episodes: { where: { status: { in: [...OPEN_STATUSES] } }, select: { id: true } },
} satisfies Prisma.PatientSelect;

const toMatch = (
  personnummer: string,
  p:
    | { id: string; unitId: string; givenName: string; familyName: string; episodes: { id: string }[] }
    | undefined,
): EnrollmentMatch => ({
  personnummer,
  patient: p ? { id: p.id, unitId: p.unitId, name: `${p.givenName} ${p.familyName}` } : null,
  openEpisodeId: p?.episodes[0]?.id ?? null,
});

/**
 * "Skriv in patient" searches by identity number first: the person's record in
 * the actor's units (the one with an open episode first), if any. A logged
 * read per record found.
 */
export const lookupForEnrollment = ({ actor, personnummer }: { actor: UseCaseActor; personnummer: string }) =>
  withUnits(
    {
      actor,
      permission: "clinical:write",
      forbidden: "Patienter skrivs in av vårdsamordnare och allmänläkare.",
      attempt: { action: "READ", target: "enrollment-search" },
      access: (m: EnrollmentMatch) =>
        m.patient
          ? [
              {
                action: "READ",
                unitId: m.patient.unitId,
                patientId: m.patient.id,
                target: "enrollment-search",
              },
            ]
          : [],
    },
    async (db, unitIds) => {
      const found = await db.patient.findMany({ where: { unitId: { in: unitIds }, personnummer }, select });
      return toMatch(personnummer, found.find((p) => p.episodes.length > 0) ?? found[0]);
    },
  );

/** The same, from a patient's page ("Starta en insats"): the patient by id, scoped. */
export const enrollmentMatchOf = ({ actor, patientId }: { actor: UseCaseActor; patientId: string }) =>
  withPatient(
    {
      actor,
      patientId,
      permission: "clinical:write",
      forbidden: "Patienter skrivs in av vårdsamordnare och allmänläkare.",
      access: { action: "READ", target: "enrollment-search" },
    },
    async (tx) => {
      const p = await tx.patient.findUniqueOrThrow({ where: { id: patientId }, select });
      return toMatch(p.personnummer, p);
    },
  );
