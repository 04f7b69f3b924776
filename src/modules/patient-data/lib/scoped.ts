import "server-only";
// The one way into patient data, in the manner of medplum's policy-scoped
// repository: each entry scopes by the actor's units in its first query,
// authorizes the role, runs the use case in one transaction with its
// access-log row, and logs refusals too (404, 403, 409, 422). A use case cannot
// forget a step, and review sees each way around it (systemDb).
import type { Episode, Patient, ReviewRequest, SelfReportLink } from "@/generated/prisma/client";
import type { AccessAction, Role } from "@/generated/prisma/enums";
import { systemDb, type DbTx } from "@/lib/db/client";
import { isUniqueViolation } from "@/lib/db/errors";
import { AppError } from "@/lib/errors";
import {
  recordActorAccess,
  recordActorAccessMany,
  type ActorAccess,
} from "@/modules/audit/lib/record-access";
import type { UseCaseActor } from "@/modules/auth/actor";
import { authorize } from "@/modules/auth/rules/authorize";
import type { Permission } from "@/modules/auth/rules/permissions";
import {
  episodeOwner,
  patientOwner,
  recordRefusal,
  reviewRequestOwner,
  selfReportLinkOwner,
  visitOwner,
  type AttemptedRecord,
} from "./refusal";

export type ScopedEpisode = Episode & { patient: { unitId: string } };

/** The access-log row of a use case on one record: its action, and a target that may name what it made. */
export type RecordAccess<T> = { action: AccessAction; target?: string | ((result: T) => string) };

type Common<T> = {
  actor: UseCaseActor;
  /** A row of the permission table, or a rule of its own (who may handle a flag). */
  permission: Permission | ((role: Role) => boolean);
  /** The Swedish message of the 403, when the default does not say enough. */
  forbidden?: string;
  access: RecordAccess<T>;
  /** Take a row lock, so that concurrent writes to one record queue up. */
  lock?: boolean;
  /** A unique index refused the write (a concurrent duplicate): the conflict to answer with. */
  onUniqueViolation?: (tx: DbTx) => Promise<AppError>;
};

async function run<R extends { patientId: string; unitId: string }, T>(
  opts: Common<T> & { defaultTarget: string; owner: () => Promise<AttemptedRecord | null> },
  find: (tx: DbTx) => Promise<R | null>,
  notFound: string,
  work: (tx: DbTx, record: R) => Promise<T>,
): Promise<T> {
  const { actor, permission, forbidden, access, defaultTarget } = opts;
  let found: R | null = null;
  try {
    return await systemDb().$transaction(async (tx) => {
      found = await find(tx);
      if (!found) throw new AppError("NOT_FOUND", { userMessage: notFound });
      authorize(actor, { permission, forbidden });
      const result = await work(tx, found);
      const target = typeof access.target === "function" ? access.target(result) : access.target;
      await recordActorAccess(tx, actor, {
        action: access.action,
        unitId: found.unitId,
        patientId: found.patientId,
        target: target ?? defaultTarget,
      });
      return result;
    });
  } catch (error) {
    const translated =
      isUniqueViolation(error) && opts.onUniqueViolation ? await opts.onUniqueViolation(systemDb()) : error;
    const record = found as R | null;
    await recordRefusal(actor, translated, {
      action: access.action,
      target: typeof access.target === "string" ? access.target : defaultTarget,
      record: async () => (record ? { patientId: record.patientId, unitId: record.unitId } : opts.owner()),
    });
    throw translated;
  }
}

/**
 * An episode of one of the actor's units, or 404 as if it did not exist;
 * then the role check (403), then `work` in the same transaction as the
 * access-log row.
 */
export function withEpisode<T>(
  opts: Common<T> & { episodeId: string },
  work: (tx: DbTx, episode: ScopedEpisode) => Promise<T>,
): Promise<T> {
  const { actor, episodeId, lock = false } = opts;
  return run(
    { ...opts, defaultTarget: `episode:${episodeId}`, owner: () => episodeOwner(episodeId) },
    async (tx) => {
      if (lock) {
        await tx.$executeRaw`
          SELECT 1 FROM episode e JOIN patient p ON p.id = e.patient_id
          WHERE e.id = ${episodeId}::uuid AND p.unit_id = ANY(${actor.unitIds}::uuid[])
          FOR UPDATE OF e`;
      }
      const episode = await tx.episode.findFirst({
        where: { id: episodeId, patient: { unitId: { in: actor.unitIds } } },
        include: { patient: { select: { unitId: true } } },
      });
      return episode && { episode, patientId: episode.patientId, unitId: episode.patient.unitId };
    },
    "Insatsen hittades inte.",
    (tx, found) => work(tx, found.episode),
  );
}

/**
 * A question to the psychiatrist, on an episode of one of the actor's units,
 * or 404; then the role check, then `work` with its log row.
 */
export function withReviewRequest<T>(
  opts: Common<T> & { requestId: string },
  work: (tx: DbTx, request: ReviewRequest & { episode: ScopedEpisode }) => Promise<T>,
): Promise<T> {
  const { actor, requestId } = opts;
  return run(
    { ...opts, defaultTarget: `review-request:${requestId}`, owner: () => reviewRequestOwner(requestId) },
    async (tx) => {
      const request = await tx.reviewRequest.findFirst({
        where: { id: requestId, episode: { patient: { unitId: { in: actor.unitIds } } } },
        include: { episode: { include: { patient: { select: { unitId: true } } } } },
      });
      return (
        request && { request, patientId: request.episode.patientId, unitId: request.episode.patient.unitId }
      );
    },
    "Frågan hittades inte.",
    (tx, found) => work(tx, found.request),
  );
}

/**
 * A patient's self-report link, on an episode of one of the actor's units, or
 * 404; then the role check, then `work` with its log row.
 */
export function withSelfReportLink<T>(
  opts: Common<T> & { linkId: string },
  work: (tx: DbTx, link: SelfReportLink & { episode: ScopedEpisode }) => Promise<T>,
): Promise<T> {
  const { actor, linkId } = opts;
  return run(
    { ...opts, defaultTarget: `self-report-link:${linkId}`, owner: () => selfReportLinkOwner(linkId) },
    async (tx) => {
      const link = await tx.selfReportLink.findFirst({
        where: { id: linkId, episode: { patient: { unitId: { in: actor.unitIds } } } },
        include: { episode: { include: { patient: { select: { unitId: true } } } } },
      });
      return link && { link, patientId: link.episode.patientId, unitId: link.episode.patient.unitId };
    },
    "Länken hittades inte.",
    (tx, found) => work(tx, found.link),
  );
}

/** A patient of one of the actor's units, or 404; then the role check, then `work` with its log row. */
export function withPatient<T>(
  opts: Common<T> & { patientId: string },
  work: (tx: DbTx, patient: Patient) => Promise<T>,
): Promise<T> {
  const { actor, patientId, lock = false } = opts;
  return run(
    { ...opts, defaultTarget: `patient:${patientId}`, owner: () => patientOwner(patientId) },
    async (tx) => {
      if (lock) {
        await tx.$executeRaw`
          SELECT 1 FROM patient WHERE id = ${patientId}::uuid AND unit_id = ANY(${actor.unitIds}::uuid[])
          FOR UPDATE`;
      }
      const patient = await tx.patient.findFirst({ where: { id: patientId, unitId: { in: actor.unitIds } } });
      return patient && { patient, patientId: patient.id, unitId: patient.unitId };
    },
    "Patienten hittades inte.",
    (tx, found) => work(tx, found.patient),
  );
}

/**
 * Work on the actor's units as a whole (lists, registering a patient): the
 * units to look in are the actor's, or the one asked for if it is theirs (else
 * 404), then the role check. `work` must filter by `unitIds` in its first
 * query; `access` names the patients the result shows or made, one row each.
 */
export async function withUnits<T>(
  opts: {
    actor: UseCaseActor;
    permission: Permission;
    forbidden?: string;
    unitId?: string;
    /** What a refused attempt was: its action and target. */
    attempt: { action: AccessAction; target: string };
    access: (result: T) => ActorAccess[];
    /** Run `work` and its log rows in one transaction (writes); reads need none. */
    transaction?: boolean;
    onUniqueViolation?: (tx: DbTx) => Promise<AppError>;
  },
  work: (tx: DbTx, unitIds: string[]) => Promise<T>,
): Promise<T> {
  const { actor, permission, forbidden, unitId, attempt } = opts;
  try {
    authorize(actor, { permission, unitId, forbidden });
    const unitIds = unitId ? [unitId] : actor.unitIds;
    const body = async (tx: DbTx) => {
      const result = await work(tx, unitIds);
      await recordActorAccessMany(tx, actor, opts.access(result));
      return result;
    };
    return opts.transaction ? await systemDb().$transaction(body) : await body(systemDb());
  } catch (error) {
    const translated =
      isUniqueViolation(error) && opts.onUniqueViolation ? await opts.onUniqueViolation(systemDb()) : error;
    await recordRefusal(actor, translated, {
      ...attempt,
      // The record the refusal was about: named by the use case, or the existing
      // patient a conflict names, else the unit asked for.
      record: async () => {
        if (translated instanceof AppError && translated.about) return translated.about;
        const existing =
          translated instanceof AppError && typeof translated.details?.existingId === "string"
            ? await patientOwner(translated.details.existingId)
            : null;
        return existing ?? (unitId ? { patientId: null, unitId } : null);
      },
    });
    throw translated;
  }
}

export type ScopedVisit = { id: string; unitId: string; date: Date; psychiatristId: string };

/**
 * A consultant visit of one of the actor's units, or 404 as if it did not
 * exist; then the role check; then `work` (in one transaction when it
 * writes), with one access-log row per patient its result shows or changes.
 */
export async function withVisit<T>(
  opts: {
    actor: UseCaseActor;
    visitId: string;
    permission: Permission;
    forbidden?: string;
    /** What a refused attempt was: its action and target. */
    attempt: { action: AccessAction; target: string };
    access: (result: T) => ActorAccess[];
    transaction?: boolean;
  },
  work: (tx: DbTx, visit: ScopedVisit) => Promise<T>,
): Promise<T> {
  const { actor, visitId, permission, forbidden, attempt } = opts;
  let unitId: string | null = null;
  try {
    const body = async (tx: DbTx) => {
      const visit = await tx.visit.findFirst({
        where: { id: visitId, unitId: { in: actor.unitIds } },
        select: { id: true, unitId: true, date: true, psychiatristId: true },
      });
      if (!visit) throw new AppError("NOT_FOUND", { userMessage: "Konsultbesöket hittades inte." });
      unitId = visit.unitId;
      authorize(actor, { permission, forbidden });
      const result = await work(tx, visit);
      await recordActorAccessMany(tx, actor, opts.access(result));
      return result;
    };
    return opts.transaction ? await systemDb().$transaction(body) : await body(systemDb());
  } catch (error) {
    await recordRefusal(actor, error, {
      ...attempt,
      record: async () => {
        if (error instanceof AppError && error.about) return error.about;
        return unitId ? { patientId: null, unitId } : visitOwner(visitId);
      },
    });
    throw error;
  }
}
