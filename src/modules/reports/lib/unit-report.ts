import "server-only";
import { Prisma } from "@/generated/prisma/client";
import type { DbTx } from "@/lib/db/client";
import { toDbDate, todayInStockholm } from "@/lib/dates";
import {
  addDays,
  endOfStockholmDay,
  stockholmDate,
  stockholmMidnight,
  type LocalDate,
} from "@/lib/local-date";
import type { UseCaseActor } from "@/modules/auth/actor";
import { staffNames } from "@/modules/auth/lib/staff-names";
import { loadFacts, loadUnitSettings } from "@/modules/episodes/lib/facts";
import { withUnits } from "@/modules/patient-data/lib/scoped";
import { buildReport, reportMemo, type Period, type ReportEpisode } from "../rules/report";

/**
 * How far before the period an episode may have started and still count in
 * it: day 182 (the largest twelveWeekDays) or day 112 + 60 (the largest
 * noResponseDays and its review window) can fall in the period.
 */
const LOOK_BACK_DAYS = 200;

/**
 * "Uppföljning": the unit's report for a period, and one per care manager.
 * The verksamhetschef's (unit:administer): aggregates only, no patient named,
 * so the access log gets one row for the report itself.
 */
export const getUnitReport = ({
  actor,
  unitId,
  period,
  today = todayInStockholm(),
}: {
  actor: UseCaseActor;
  unitId: string;
  period: Period;
  today?: LocalDate;
}) =>
  withUnits(
    {
      actor,
      unitId,
      permission: "unit:administer",
      forbidden: "Uppföljningen är verksamhetschefens.",
      attempt: { action: "READ", target: "report" },
      access: () => [{ action: "READ", unitId, target: `report:${period.from}..${period.to}` }],
    },
    async (db, [scoped]) => {
      const episodes = await loadReportEpisodes(db, scoped!, period, today);
      // The settings in force on the period's last day (or today): a report of
      // a past period keeps its numbers when the unit's rules change later.
      const settingsDay = period.to < today ? period.to : today;
      const settings = (await loadUnitSettings(db, [scoped!], settingsDay)).get(scoped!)!;
      // One memo for all of them: each episode is evaluated once, not once per report.
      const memo = reportMemo();
      const unit = buildReport(episodes, period, settings, today, memo);
      const byManager = groupBy(episodes, (e) => e.careManagerId ?? "");
      const names = await staffNames(db, byManager.keys());
      const careManagers = [...byManager]
        .map(([id, list]) => ({
          id: id || null,
          name: id ? (names.get(id) ?? "") : "Ingen vårdsamordnare",
          report: buildReport(list, period, settings, today, memo),
        }))
        // By name; the episodes without a care manager last.
        .sort((a, b) => Number(a.id === null) - Number(b.id === null) || a.name.localeCompare(b.name, "sv"));
      return { unit, careManagers };
    },
  );

export type UnitReport = Awaited<ReturnType<typeof getUnitReport>>;

/** The unit's episodes that can count in the period, with their facts as of the report's date. */
export async function loadReportEpisodes(
  db: DbTx,
  unitId: string,
  period: Period,
  today: LocalDate,
): Promise<ReportEpisode[]> {
  const asOf = period.to < today ? period.to : today;
  const rows = await db.episode.findMany({
    where: {
      patient: { unitId },
      startDate: { lte: toDbDate(asOf) },
      OR: [
        { closedDate: null },
        { closedDate: { gte: toDbDate(period.from) } },
        { startDate: { gte: toDbDate(addDays(period.from, -LOOK_BACK_DAYS)) } },
        // A recommendation can be written after the episode closed (an answer to its question).
        { recommendations: { some: { createdAt: { gte: stockholmMidnight(period.from) } } } },
      ],
    },
    select: { id: true, startDate: true, careManagerId: true, sickLeaveAtStart: true },
  });
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const [facts, sick, recommendations] = await Promise.all([
    loadFacts(db, rows, asOf),
    db.$queryRaw<{ episode_id: string; sick_leave: number }[]>(Prisma.sql`
      SELECT DISTINCT ON (episode_id) episode_id, sick_leave
      FROM contact
      WHERE episode_id = ANY(${ids}::uuid[]) AND sick_leave IS NOT NULL AND date <= ${asOf}::date
      ORDER BY episode_id, date DESC, recorded_at DESC`),
    db.recommendation.findMany({
      where: { episodeId: { in: ids }, createdAt: { lt: endOfStockholmDay(asOf) } },
      select: {
        episodeId: true,
        createdAt: true,
        receipts: { where: { role: "ALLMANLAKARE" }, select: { readAt: true } },
      },
    }),
  ]);
  const latestSick = new Map(sick.map((s) => [s.episode_id, s.sick_leave]));
  const byEpisode = groupBy(recommendations, (r) => r.episodeId);
  return rows.map((r) => ({
    id: r.id,
    careManagerId: r.careManagerId,
    facts: facts.get(r.id)!,
    sickLeaveAtStart: r.sickLeaveAtStart,
    sickLeaveLatest: latestSick.get(r.id) ?? null,
    recommendations: (byEpisode.get(r.id) ?? []).map((rec) => ({
      date: stockholmDate(rec.createdAt),
      readByGp: rec.receipts.length === 0 ? null : rec.receipts.some((x) => x.readAt !== null),
    })),
  }));
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = out.get(k);
    if (list) list.push(item);
    else out.set(k, [item]);
  }
  return out;
}
