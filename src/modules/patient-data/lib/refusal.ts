import "server-only";
import type { AccessAction, AccessRefusal } from "@/generated/prisma/enums";
import { systemDb } from "@/lib/db/client";
import { isAppError, type AppErrorCode } from "@/lib/errors";
import { recordActorAccess } from "@/modules/audit/lib/record-access";
import type { UseCaseActor } from "@/modules/auth/actor";

const REFUSAL: Partial<Record<AppErrorCode, AccessRefusal>> = {
  NOT_FOUND: "NOT_FOUND",
  FORBIDDEN: "FORBIDDEN",
  CONFLICT: "CONFLICT",
  UNPROCESSABLE: "UNPROCESSABLE",
  GONE: "GONE",
};

/** The record an attempt was about, as far as it exists (in any unit). */
export type AttemptedRecord = { patientId: string | null; unitId: string | null };

/**
 * Logs a refused attempt on patient data: another unit's or a missing record
 * (404), a role that may not (403), a conflict naming a record (409), a change
 * the domain refuses (422). Written after the use case's transaction rolled
 * back, so the row stays. The row names the record the attempt was about, when
 * it exists, so that probing shows in the log review of that record's unit;
 * nothing of it reaches the caller. Invalid input (400) reached no record.
 */
export async function recordRefusal(
  actor: UseCaseActor,
  error: unknown,
  attempt: { action: AccessAction; target: string; record: () => Promise<AttemptedRecord | null> },
): Promise<void> {
  if (!isAppError(error)) return;
  const refusal = REFUSAL[error.code];
  if (!refusal) return;
  const record = await attempt.record();
  await recordActorAccess(systemDb(), actor, {
    action: attempt.action,
    target: attempt.target,
    patientId: record?.patientId ?? null,
    unitId: record?.unitId ?? null,
    refusal,
  });
}

/** Whose record an episode id names, in any unit: for the refusal row only. */
export async function episodeOwner(episodeId: string): Promise<AttemptedRecord | null> {
  const row = await systemDb().episode.findUnique({
    where: { id: episodeId },
    select: { patientId: true, patient: { select: { unitId: true } } },
  });
  return row && { patientId: row.patientId, unitId: row.patient.unitId };
}

/** Whose record a patient id names, in any unit: for the refusal row only. */
export async function patientOwner(patientId: string): Promise<AttemptedRecord | null> {
  const row = await systemDb().patient.findUnique({ where: { id: patientId }, select: { unitId: true } });
  return row && { patientId, unitId: row.unitId };
}

/** Which unit a visit id names, in any unit: for the refusal row only. */
export async function visitOwner(visitId: string): Promise<AttemptedRecord | null> {
  const row = await systemDb().visit.findUnique({ where: { id: visitId }, select: { unitId: true } });
  return row && { patientId: null, unitId: row.unitId };
}

/** Whose record a review request id names, in any unit: for the refusal row only. */
export async function reviewRequestOwner(requestId: string): Promise<AttemptedRecord | null> {
  const row = await systemDb().reviewRequest.findUnique({
    where: { id: requestId },
    select: { episode: { select: { patientId: true, patient: { select: { unitId: true } } } } },
  });
  return row && { patientId: row.episode.patientId, unitId: row.episode.patient.unitId };
}

/** Whose record a self-report link id names, in any unit: for the refusal row only. */
export async function selfReportLinkOwner(linkId: string): Promise<AttemptedRecord | null> {
  const row = await systemDb().selfReportLink.findUnique({
    where: { id: linkId },
    select: { episode: { select: { patientId: true, patient: { select: { unitId: true } } } } },
  });
  return row && { patientId: row.episode.patientId, unitId: row.episode.patient.unitId };
}
