import "server-only";
// "Granskning": the month's accesses worth a look in a unit, chosen by the
// pure selection rules, with their documented reviews; saving a review; and
// the list of performed reviews, which is itself a report. The
// verksamhetschef's; reading the selection is logged for each patient shown.
import { createHmac } from "node:crypto";
import { Prisma } from "@/generated/prisma/client";
import type { LogReviewOutcome } from "@/generated/prisma/enums";
import type { DbTx } from "@/lib/db/client";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import {
  endOfStockholmDay,
  shiftMonth,
  stockholmDate,
  stockholmMidnight,
  type LocalDate,
} from "@/lib/local-date";
import type { UseCaseActor } from "@/modules/auth/actor";
import { staffNames } from "@/modules/auth/lib/staff-names";
import { withUnits } from "@/modules/patient-data/lib/scoped";
import { LINK_ACTOR, describeTarget } from "../rules/describe";
import { LIST_TARGET_SOURCE, REASONS, selectForReview, type LogRow, type Reason } from "../rules/selection";

const FORBIDDEN = "Loggkontrollen görs av verksamhetschefen.";

/** The month as Stockholm instants: [its first midnight, the next month's). */
function monthRange(month: string): { from: Date; to: Date } {
  return { from: stockholmMidnight(`${month}-01`), to: stockholmMidnight(`${shiftMonth(month, 1)}-01`) };
}

/** The sample's key: from the server's secret, so that users cannot foresee it. */
const sampleKey = () =>
  createHmac("sha256", env().NEXTAUTH_SECRET ?? "samvard-demo-log-sample")
    .update("log-review-sample")
    .digest("hex");

/** The month's record accesses and refusals in the unit: what the rules look at. */
async function candidateRows(db: DbTx, unitId: string, month: string): Promise<LogRow[]> {
  const { from, to } = monthRange(month);
  const rows = await db.$queryRaw<
    {
      id: bigint;
      at: Date;
      user_id: string | null;
      by_link: boolean;
      role: string | null;
      patient_id: string | null;
      target: string | null;
      refusal: string | null;
      action: string;
    }[]
  >(Prisma.sql`
    SELECT l.id, l.at, l.user_id, l.self_report_link_id IS NOT NULL AS by_link, u.role::text AS role, l.patient_id, l.target, l.refusal::text AS refusal,
           l.action::text AS action
    FROM access_log l LEFT JOIN app_user u ON u.id = l.user_id
    WHERE l.unit_id = ${unitId}::uuid AND l.at >= ${from} AND l.at < ${to}
      AND ((l.patient_id IS NOT NULL AND coalesce(l.target, '') !~ ${LIST_TARGET_SOURCE}) OR l.refusal IS NOT NULL)`);
  return rows.map((r) => ({
    id: String(r.id),
    at: r.at,
    userId: r.user_id,
    byLink: r.by_link,
    role: r.role,
    patientId: r.patient_id,
    target: r.target,
    refusal: r.refusal,
    action: r.action,
  }));
}

/** Each patient's care managers and GPs, and the unit's psychiatrists. */
async function careRelations(db: DbTx, unitId: string, patientIds: string[]) {
  const [episodes, psychiatrists] = await Promise.all([
    db.episode.findMany({
      where: { patientId: { in: patientIds }, patient: { unitId } },
      select: { patientId: true, careManagerId: true, gpId: true },
    }),
    db.user.findMany({
      where: { role: "PSYKIATER", memberships: { some: { unitId } } },
      select: { id: true },
    }),
  ]);
  const carers = new Map<string, Set<string>>();
  for (const e of episodes) {
    const set = carers.get(e.patientId) ?? carers.set(e.patientId, new Set()).get(e.patientId)!;
    if (e.careManagerId) set.add(e.careManagerId);
    if (e.gpId) set.add(e.gpId);
  }
  return { carers, psychiatrists: new Set(psychiatrists.map((p) => p.id)) };
}

/** The unit's month as the rules pick it. */
async function selectionOf(db: DbTx, unitId: string, month: string) {
  const rows = await candidateRows(db, unitId, month);
  const patientIds = [...new Set(rows.flatMap((r) => (r.patientId ? [r.patientId] : [])))];
  const relations = await careRelations(db, unitId, patientIds);
  return selectForReview(rows, relations, { key: sampleKey(), month });
}

/** The selection for a unit and month, with each access's review if it has one. */
export const getReviewSelection = ({
  actor,
  unitId,
  month,
}: {
  actor: UseCaseActor;
  unitId: string;
  month: string;
}) =>
  withUnits(
    {
      actor,
      unitId,
      permission: "unit:administer",
      forbidden: FORBIDDEN,
      attempt: { action: "READ", target: `access-log:review:${month}` },
      access: (r: { shownPatients: string[] }) =>
        r.shownPatients.length > 0
          ? r.shownPatients.map((patientId) => ({
              action: "READ" as const,
              unitId,
              patientId,
              target: `access-log:review:${month}`,
            }))
          : [{ action: "READ" as const, unitId, target: `access-log:review:${month}` }],
    },
    async (db) => {
      const selected = await selectionOf(db, unitId, month);
      const ids = selected.map((s) => BigInt(s.row.id));
      const [reviews, patients] = await Promise.all([
        db.logReview.findMany({ where: { unitId, accessLogId: { in: ids } } }),
        db.patient.findMany({
          where: {
            id: { in: [...new Set(selected.flatMap((s) => (s.row.patientId ? [s.row.patientId] : [])))] },
            unitId,
          },
          select: { id: true, givenName: true, familyName: true, personnummer: true },
        }),
      ]);
      const reviewOf = new Map(reviews.map((r) => [`${r.accessLogId}`, r]));
      const names = await staffNames(db, [
        ...selected.map((s) => s.row.userId),
        ...reviews.map((r) => r.reviewerId),
      ]);
      const patient = new Map(patients.map((p) => [p.id, p]));
      const items = selected.map(({ row, reasons }) => {
        const review = reviewOf.get(row.id);
        return {
          id: row.id,
          at: row.at,
          userId: row.userId,
          user: row.byLink ? LINK_ACTOR : row.userId ? (names.get(row.userId) ?? "") : "",
          role: row.role,
          action: row.action ?? "",
          what: describeTarget(row.target),
          refusal: row.refusal,
          patientId: row.patientId,
          patient: row.patientId ? (patient.get(row.patientId) ?? null) : null,
          reasons,
          review: review
            ? {
                outcome: review.outcome,
                comment: review.comment,
                reviewer: names.get(review.reviewerId) ?? "",
                reviewedAt: review.reviewedAt,
              }
            : null,
        };
      });
      const count = (reason: Reason) => items.filter((i) => i.reasons.includes(reason)).length;
      return {
        month,
        items,
        byReason: REASONS.map((reason) => ({ reason, count: count(reason) })),
        reviewed: items.filter((i) => i.review).length,
        shownPatients: patients.map((p) => p.id),
      };
    },
  );

/** Documents the check of one access: OK, or needs follow-up with a comment. Once per access. */
export const recordLogReview = ({
  actor,
  unitId,
  accessLogId,
  outcome,
  comment,
}: {
  actor: UseCaseActor;
  unitId: string;
  accessLogId: string;
  outcome: LogReviewOutcome;
  comment: string | null;
}) =>
  withUnits(
    {
      actor,
      unitId,
      permission: "unit:administer",
      forbidden: FORBIDDEN,
      attempt: { action: "CREATE", target: `log-review:access:${accessLogId}` },
      access: (r: { id: string; patientId: string | null }) => [
        { action: "CREATE", unitId, patientId: r.patientId, target: `log-review:${r.id}` },
      ],
      transaction: true,
      onUniqueViolation: async () =>
        new AppError("CONFLICT", {
          userMessage: "Åtkomsten är redan granskad.",
          about: { patientId: null, unitId },
        }),
    },
    async (db) => {
      if (outcome === "FOLLOW_UP" && !comment?.trim())
        throw new AppError("INVALID_INPUT", {
          userMessage: "Kontrollera de markerade fälten.",
          fieldErrors: { comment: ["Skriv vad som ska följas upp."] },
          about: { patientId: null, unitId },
        });
      const access = await db.accessLog.findFirst({
        where: { id: BigInt(accessLogId), unitId },
        select: { id: true, at: true, userId: true, patientId: true },
      });
      if (!access)
        throw new AppError("NOT_FOUND", {
          userMessage: "Åtkomsten finns inte i enhetens logg.",
          about: { patientId: null, unitId },
        });
      // Why it was picked: the rules' own answer for its month, not the form's.
      const month = stockholmDate(access.at).slice(0, 7);
      const reasons = (await selectionOf(db, unitId, month)).find(
        (s) => s.row.id === String(access.id),
      )?.reasons;
      if (!reasons)
        throw new AppError("UNPROCESSABLE", {
          userMessage: "Åtkomsten är inte med i månadens urval.",
          about: { patientId: null, unitId },
        });
      const review = await db.logReview.create({
        data: {
          unitId,
          accessLogId: access.id,
          accessAt: access.at,
          subjectUserId: access.userId,
          patientId: access.patientId,
          reasons,
          outcome,
          comment,
          reviewerId: actor.userId,
        },
        select: { id: true, patientId: true },
      });
      return review;
    },
  );

/** The reviews performed in a unit in a period: the report of the log review. No patient is named. */
export const listLogReviews = ({
  actor,
  unitId,
  from,
  to,
}: {
  actor: UseCaseActor;
  unitId: string;
  from: LocalDate;
  to: LocalDate;
}) =>
  withUnits(
    {
      actor,
      unitId,
      permission: "unit:administer",
      forbidden: FORBIDDEN,
      attempt: { action: "READ", target: "log-reviews" },
      access: () => [{ action: "READ", unitId, target: `log-reviews:${from}..${to}` }],
    },
    async (db) => {
      // One query however many: each review with its access, by the log's key.
      const reviews = await db.$queryRaw<
        {
          id: string;
          reviewed_at: Date;
          reviewer_id: string;
          access_at: Date;
          subject_user_id: string | null;
          action: string | null;
          target: string | null;
          reasons: string[] | null;
          outcome: LogReviewOutcome;
          comment: string | null;
        }[]
      >(Prisma.sql`
        SELECT r.id, r.reviewed_at, r.reviewer_id, r.access_at, r.subject_user_id, l.action::text AS action,
               l.target, r.reasons, r.outcome, r.comment
        FROM log_review r
        LEFT JOIN access_log l ON l.id = r.access_log_id AND l.at = r.access_at
        WHERE r.unit_id = ${unitId}::uuid
          AND r.reviewed_at >= ${stockholmMidnight(from)} AND r.reviewed_at < ${endOfStockholmDay(to)}
        ORDER BY r.reviewed_at DESC, r.id DESC`);
      const names = await staffNames(db, [
        ...reviews.map((r) => r.reviewer_id),
        ...reviews.map((r) => r.subject_user_id),
      ]);
      return reviews.map((r) => ({
        id: r.id,
        reviewedAt: r.reviewed_at,
        reviewer: names.get(r.reviewer_id) ?? "",
        accessAt: r.access_at,
        user: r.subject_user_id ? (names.get(r.subject_user_id) ?? "") : "",
        action: r.action,
        what: describeTarget(r.target),
        reasons: (r.reasons ?? []).filter((x): x is Reason => (REASONS as readonly string[]).includes(x)),
        outcome: r.outcome,
        comment: r.comment,
      }));
    },
  );
