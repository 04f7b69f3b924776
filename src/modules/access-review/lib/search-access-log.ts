import "server-only";
import type { AccessAction, Prisma, Role } from "@/generated/prisma/client";
import { AppError } from "@/lib/errors";
import { endOfStockholmDay, stockholmMidnight, type LocalDate } from "@/lib/local-date";
import type { UseCaseActor } from "@/modules/auth/actor";
import { withUnits } from "@/modules/patient-data/lib/scoped";
import { actorName, describeTarget } from "../rules/describe";
import { patientsInUnits } from "./patients-in-units";

export const LOG_PAGE_SIZE = 50;

export type LogSearch = {
  /** Every access to these patients (of the actor's units) … */
  patientIds?: readonly string[];
  /** … or everything this user (of one of the actor's units) did there. */
  userId?: string;
  from: LocalDate;
  to: LocalDate;
  action?: AccessAction;
  /** The page after this row (newest first): `<ISO time>_<id>`. */
  before?: string;
};

const notFound = () => new AppError("NOT_FOUND", { userMessage: "Hittades inte på dina enheter." });

/** `<ISO time>_<id>` of a row, the cursor of the page after it. */
export const cursorOf = (row: { at: Date; id: bigint }) => `${row.at.toISOString()}_${row.id}`;

function parseCursor(before: string | undefined): { at: Date; id: bigint } | null {
  const m = before?.match(/^(\d{4}-\d{2}-\d{2}T[\d:.]+Z)_(\d{1,19})$/);
  if (!m) return null;
  const at = new Date(m[1]!);
  const id = BigInt(m[2]!);
  // Outside PostgreSQL's bigint: no row of the log; start from the newest.
  return Number.isNaN(at.getTime()) || id > 9_223_372_036_854_775_807n ? null : { at, id };
}

/**
 * "Loggkontroll": the access log by patient (every access to them in the
 * actor's units) or by user (what they read or changed there), in a period,
 * newest first, a page at a time (keyset: stays quick however long the log).
 * The verksamhetschef's; the search itself is logged, with each patient it
 * shows. What was accessed is told in neutral words, never a flag or a score.
 */
export const searchAccessLog = ({ actor, search }: { actor: UseCaseActor; search: LogSearch }) =>
  withUnits(
    {
      actor,
      permission: "unit:administer",
      forbidden: "Loggkontrollen görs av verksamhetschefen.",
      attempt: {
        action: "READ",
        target: search.userId ? `access-log:user:${search.userId}` : "access-log:patient",
      },
      access: (r: { shown: { patientId: string; unitId: string }[] }) =>
        r.shown.length > 0
          ? r.shown.map((p) => ({
              action: "READ" as const,
              unitId: p.unitId,
              patientId: p.patientId,
              target: search.userId ? `access-log:user:${search.userId}` : "access-log:patient",
            }))
          : // A user's page without patients: one row for the search itself.
            [{ action: "READ" as const, target: `access-log:user:${search.userId}` }],
    },
    async (db, unitIds) => {
      const where: Prisma.AccessLogWhereInput = {
        at: { gte: stockholmMidnight(search.from), lt: endOfStockholmDay(search.to) },
        ...(search.action ? { action: search.action } : {}),
      };
      let searched: {
        id: string;
        unitId: string;
        givenName: string;
        familyName: string;
        personnummer: string;
      }[] = [];
      if (search.userId) {
        const member = await db.unitMembership.findFirst({
          where: { userId: search.userId, unitId: { in: unitIds } },
          select: { userId: true },
        });
        if (!member) throw notFound();
        // Their work in the actor's units, and their sign-ins (which name no unit).
        Object.assign(where, { userId: search.userId, OR: [{ unitId: { in: unitIds } }, { unitId: null }] });
      } else {
        searched = await patientsInUnits(db, search.patientIds ?? [], unitIds);
        if (searched.length === 0) throw notFound();
        Object.assign(where, { patientId: { in: searched.map((p) => p.id) }, unitId: { in: unitIds } });
      }
      const cursor = parseCursor(search.before);
      const rows = await db.accessLog.findMany({
        where: cursor
          ? { AND: [where, { OR: [{ at: { lt: cursor.at } }, { at: cursor.at, id: { lt: cursor.id } }] }] }
          : where,
        orderBy: [{ at: "desc" }, { id: "desc" }],
        take: LOG_PAGE_SIZE + 1,
      });
      const page = rows.slice(0, LOG_PAGE_SIZE);
      const [users, patients, units] = await Promise.all([
        db.user.findMany({
          where: { id: { in: [...new Set(page.flatMap((r) => (r.userId ? [r.userId] : [])))] } },
          select: { id: true, displayName: true, role: true },
        }),
        patientsInUnits(db, [...new Set(page.flatMap((r) => (r.patientId ? [r.patientId] : [])))], unitIds),
        db.unit.findMany({ where: { id: { in: unitIds } }, select: { id: true, name: true } }),
      ]);
      const user = new Map<string, { displayName: string; role: Role }>(users.map((u) => [u.id, u]));
      const names = new Map(users.map((u) => [u.id, u.displayName]));
      const patient = new Map(patients.map((p) => [p.id, p]));
      const unit = new Map(units.map((u) => [u.id, u.name]));
      return {
        rows: page.map((r) => ({
          id: String(r.id),
          at: r.at,
          user: actorName(r, names),
          role: r.userId ? (user.get(r.userId)?.role ?? null) : null,
          unit: r.unitId ? (unit.get(r.unitId) ?? "") : "",
          action: r.action,
          what: describeTarget(r.target),
          patient: r.patientId ? (patient.get(r.patientId) ?? null) : null,
          via: r.apiTokenId
            ? ("API-nyckel" as const)
            : r.sessionId
              ? ("Inloggning" as const)
              : r.selfReportLinkId
                ? ("Länk" as const)
                : null,
          refusal: r.refusal,
        })),
        /** The patients searched for (by patient): their identity, for the heading. */
        subjects: searched.map(({ givenName, familyName, personnummer }) => ({
          givenName,
          familyName,
          personnummer,
        })),
        next: rows.length > LOG_PAGE_SIZE ? cursorOf(page.at(-1)!) : null,
        // The patients the search was about, or (by user) those on the page.
        shown: (search.userId ? patients : searched).map((p) => ({ patientId: p.id, unitId: p.unitId })),
      };
    },
  );

export type LogPage = Awaited<ReturnType<typeof searchAccessLog>>;
