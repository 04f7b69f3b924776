import "server-only";
import type { Role } from "@/generated/prisma/enums";
import type { DbTx } from "@/lib/db/client";
import { fromDbDate, toDbDate, todayInStockholm } from "@/lib/dates";
import { AppError } from "@/lib/errors";
import type { UseCaseActor } from "@/modules/auth/actor";
import { OPEN_STATUSES } from "@/modules/clinical/rules/facts";
import { withPatient } from "@/modules/patient-data/lib/scoped";
import type { TOpenEpisode } from "../schemas";
import { evaluateStoredEpisode } from "./evaluate-episode";

const alreadyOpen = (existingId: string) =>
  new AppError("CONFLICT", {
    userMessage: "Patienten har redan en pågående insats. Avsluta den innan en ny startas.",
    details: { existingId },
  });

async function assertStaff(
  tx: DbTx,
  unitId: string,
  userId: string,
  role: Role,
  field: string,
  label: string,
) {
  const member = await tx.unitMembership.findFirst({
    where: { unitId, userId, user: { role, active: true } },
    select: { userId: true },
  });
  if (!member) {
    throw new AppError("UNPROCESSABLE", {
      userMessage: `Den valda personen är inte ${label} på enheten.`,
      fieldErrors: { [field]: [`Välj en ${label} på patientens enhet.`] },
    });
  }
}

/** Opens a 12-week episode (insats); a patient has at most one open episode at a time. */
export const openEpisode = ({
  actor,
  patientId,
  input,
}: {
  actor: UseCaseActor;
  patientId: string;
  input: TOpenEpisode;
}) =>
  withPatient(
    {
      actor,
      patientId,
      permission: "clinical:write",
      lock: true,
      access: { action: "CREATE", target: (episode: { id: string }) => `episode:${episode.id}` },
      // Two openings at once: the partial unique index decides, and the loser gets the same conflict.
      onUniqueViolation: async (db) => alreadyOpen((await openEpisodeOf(db, patientId))!.id),
    },
    async (tx, patient) => {
      const episode = await openEpisodeIn(tx, actor, patient, input);
      return evaluateStoredEpisode(tx, episode, todayInStockholm());
    },
  );

const openEpisodeOf = (db: DbTx, patientId: string) =>
  db.episode.findFirst({ where: { patientId, status: { in: [...OPEN_STATUSES] } }, select: { id: true } });

/**
 * The work of opening an episode, inside a transaction that has already
 * scoped and authorized the patient (openEpisode, or enrollment).
 */
export async function openEpisodeIn(
  tx: DbTx,
  actor: UseCaseActor,
  patient: { id: string; unitId: string },
  input: TOpenEpisode,
) {
  const open = await openEpisodeOf(tx, patient.id);
  if (open) throw alreadyOpen(open.id);

  const previous = await tx.episode.findFirst({
    where: { patientId: patient.id, closedDate: { not: null } },
    orderBy: { closedDate: "desc" },
    select: { closedDate: true },
  });
  if (previous?.closedDate && input.startDate < fromDbDate(previous.closedDate)) {
    throw new AppError("UNPROCESSABLE", {
      userMessage: `Den förra insatsen pågick till ${fromDbDate(previous.closedDate)}; en ny kan inte starta före det.`,
      fieldErrors: { startDate: [`Välj ett datum från ${fromDbDate(previous.closedDate)}.`] },
    });
  }
  // The enrolling care manager and GP default to the actor in that role.
  const careManagerId = input.careManagerId ?? (actor.role === "VARDSAMORDNARE" ? actor.userId : null);
  const gpId = input.gpId ?? (actor.role === "ALLMANLAKARE" ? actor.userId : null);
  if (careManagerId)
    await assertStaff(tx, patient.unitId, careManagerId, "VARDSAMORDNARE", "careManagerId", "vårdsamordnare");
  if (gpId) await assertStaff(tx, patient.unitId, gpId, "ALLMANLAKARE", "gpId", "allmänläkare");

  return tx.episode.create({
    data: {
      patientId: patient.id,
      startDate: toDbDate(input.startDate),
      careManagerId,
      gpId,
      diagnosis: input.diagnosis ?? null,
      sickLeaveAtStart: input.sickLeave ?? null,
      createdById: actor.userId,
    },
    include: { patient: { select: { unitId: true } } },
  });
}
