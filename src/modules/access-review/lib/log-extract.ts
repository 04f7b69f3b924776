import "server-only";
// The patient's log extract ("logglista", Patientdatalagen 8 kap. 1 §): every
// access to the patient's records in the verksamhetschef's units in a period,
// naming the unit, the time and the user's full name and role (a public care
// provider names its staff). What was accessed is said in neutral words. The
// extract is produced on request, and each request is logged for the patient.
import type { AccessAction, Role } from "@/generated/prisma/enums";
import { AppError } from "@/lib/errors";
import { endOfStockholmDay, stockholmMidnight, type LocalDate } from "@/lib/local-date";
import type { UseCaseActor } from "@/modules/auth/actor";
import { withUnits } from "@/modules/patient-data/lib/scoped";
import { actorName, describeTarget } from "../rules/describe";
import { patientsInUnits } from "./patients-in-units";

const FORBIDDEN = "Logglistor tas fram av verksamhetschefen.";

export type ExtractRow = {
  at: Date;
  unit: string;
  user: string;
  role: Role | null;
  action: AccessAction;
  what: string;
};

export type LogExtract = {
  patients: { givenName: string; familyName: string; personnummer: string }[];
  period: { from: LocalDate; to: LocalDate };
  rows: ExtractRow[];
};

const notFound = () => new AppError("NOT_FOUND", { userMessage: "Patienten finns inte på dina enheter." });

/** The patients an extract is for (identity only), for the page that offers it; a logged read. */
export const getExtractSubjects = ({
  actor,
  patientIds,
}: {
  actor: UseCaseActor;
  patientIds: readonly string[];
}) =>
  withUnits(
    {
      actor,
      permission: "unit:administer",
      forbidden: FORBIDDEN,
      attempt: { action: "READ", target: "log-extract:patient" },
      access: (r: { id: string; unitId: string }[]) =>
        r.map((p) => ({
          action: "READ" as const,
          unitId: p.unitId,
          patientId: p.id,
          target: "log-extract:patient",
        })),
    },
    async (db, unitIds) => {
      const patients = await patientsInUnits(db, patientIds, unitIds);
      if (patients.length === 0) throw notFound();
      return patients;
    },
  );

/**
 * The extract's rows, oldest first: carried-out accesses only (a refused
 * attempt reached no data). Logged as an EXPORT for each patient, with the
 * period and the format asked for.
 */
export const getLogExtract = ({
  actor,
  patientIds,
  from,
  to,
  format,
}: {
  actor: UseCaseActor;
  patientIds: readonly string[];
  from: LocalDate;
  to: LocalDate;
  format: "pdf" | "csv";
}) =>
  withUnits(
    {
      actor,
      permission: "unit:administer",
      forbidden: FORBIDDEN,
      attempt: { action: "EXPORT", target: `log-extract:${from}..${to}:${format}` },
      access: (r: LogExtract & { shown: { id: string; unitId: string }[] }) =>
        r.shown.map((p) => ({
          action: "EXPORT" as const,
          unitId: p.unitId,
          patientId: p.id,
          target: `log-extract:${from}..${to}:${format}`,
        })),
    },
    async (db, unitIds) => {
      const patients = await patientsInUnits(db, patientIds, unitIds);
      if (patients.length === 0) throw notFound();
      const rows = await db.accessLog.findMany({
        where: {
          patientId: { in: patients.map((p) => p.id) },
          unitId: { in: unitIds },
          refusal: null,
          at: { gte: stockholmMidnight(from), lt: endOfStockholmDay(to) },
        },
        orderBy: [{ at: "asc" }, { id: "asc" }],
        select: {
          at: true,
          unitId: true,
          userId: true,
          username: true,
          selfReportLinkId: true,
          action: true,
          target: true,
        },
      });
      const [users, units] = await Promise.all([
        db.user.findMany({
          where: { id: { in: [...new Set(rows.flatMap((r) => (r.userId ? [r.userId] : [])))] } },
          select: { id: true, displayName: true, role: true },
        }),
        db.unit.findMany({ where: { id: { in: unitIds } }, select: { id: true, name: true } }),
      ]);
      const user = new Map(users.map((u) => [u.id, u]));
      const names = new Map(users.map((u) => [u.id, u.displayName]));
      const unit = new Map(units.map((u) => [u.id, u.name]));
      return {
        patients: patients.map(({ givenName, familyName, personnummer }) => ({
          givenName,
          familyName,
          personnummer,
        })),
        period: { from, to },
        rows: rows.map((r) => ({
          at: r.at,
          unit: r.unitId ? (unit.get(r.unitId) ?? "") : "",
          user: actorName(r, names),
          role: r.userId ? (user.get(r.userId)?.role ?? null) : null,
          action: r.action,
          what: describeTarget(r.target),
        })),
        shown: patients.map((p) => ({ id: p.id, unitId: p.unitId })),
      };
    },
  );
