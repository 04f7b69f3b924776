import "server-only";
// Each episode's summary (evaluation, scores, adherence) as of a day: from
// the table episode_evaluation when the day is today and the row is fresh,
// else from the facts; a stale row of today is re-evaluated and stored.
//
// Why it is safe (migration 20261205100000_episode_evaluation): any write to
// an episode's facts, its status or its unit's settings marks the row stale
// (as_of NULL, version + 1) in the writer's transaction. A reader reads the
// version before the facts and stores its result only where the version is
// still the one it read, so a write that commits in between leaves the row
// stale instead of stored with old facts. A row of another day is stale for
// today: flags that open as days pass appear without any write. The daily
// refresh (refreshSummaries) re-evaluates every open episode after midnight
// so that the first reader of the day does not pay for it.
import { Prisma } from "@/generated/prisma/client";
import { isAppPool, queries, type DbTx } from "@/lib/db/client";
import { fromDbDate, toDbDate, todayInStockholm } from "@/lib/dates";
import type { LocalDate } from "@/lib/local-date";
import { summarizeEpisode, type EpisodeSummary } from "@/modules/clinical/rules/summary";
import { loadFacts, loadUnitSettings } from "@/modules/episodes/lib/facts";

export type SummaryEpisode = { id: string; startDate: Date; unitId: string };

/** Summaries from the facts, as of any day: four queries for the facts, one for the settings. */
export async function computeSummaries(
  db: DbTx,
  episodes: readonly SummaryEpisode[],
  asOf: LocalDate,
): Promise<Map<string, EpisodeSummary>> {
  if (episodes.length === 0) return new Map();
  const unitIds = [...new Set(episodes.map((e) => e.unitId))];
  const [facts, settings] = await queries(
    db,
    () => loadFacts(db, episodes, asOf),
    () => loadUnitSettings(db, unitIds, asOf),
  );
  return new Map(
    episodes.map((e) => [e.id, summarizeEpisode(facts.get(e.id)!, asOf, settings.get(e.unitId)!)]),
  );
}

/**
 * An episode's stored row as read with its start date and unit, in one
 * statement (see storedRowColumns): a change committed after it leaves the
 * version changed too.
 */
export type StoredRow = {
  id: string;
  start_date: Date;
  unit_id: string;
  version: number | null;
  as_of: Date | null;
  view: EpisodeSummary | null;
};

/** The columns of a StoredRow, for a query over `episode e`, `patient p` and `episode_evaluation ev`. */
export const storedRowColumns = Prisma.sql`e.id, e.start_date, p.unit_id, ev.version, ev.as_of, ev.view`;

/**
 * The episodes' summaries as of `asOf`. As of today: the stored ones that are
 * fresh, the others evaluated now — with the start date and unit read in the
 * same statement as the version, so that a change committed in between leaves
 * the version changed too — and stored when `db` is the app's pool. Inside a
 * transaction nothing is stored: the transaction would hold the rows' locks to
 * its end, against writers that lock the episode first. As of another day:
 * from the facts (history and plans are asked for seldom, and never stored).
 */
export async function episodeSummaries(
  db: DbTx,
  episodes: readonly SummaryEpisode[],
  asOf: LocalDate,
): Promise<Map<string, EpisodeSummary>> {
  if (asOf !== todayInStockholm() || episodes.length === 0) return computeSummaries(db, episodes, asOf);
  const rows = await db.$queryRaw<StoredRow[]>(Prisma.sql`
    SELECT ${storedRowColumns}
    FROM episode e JOIN patient p ON p.id = e.patient_id
    LEFT JOIN episode_evaluation ev ON ev.episode_id = e.id
    WHERE e.id = ANY(${episodes.map((e) => e.id)}::uuid[])`);
  return summariesOfRows(db, rows, asOf);
}

/**
 * Today's summaries of stored rows already read (storedRowColumns): a fresh
 * row's as stored, the others evaluated from the facts and stored when `db`
 * is the app's pool (as episodeSummaries).
 */
export async function summariesOfRows(
  db: DbTx,
  rows: readonly StoredRow[],
  asOf: LocalDate,
): Promise<Map<string, EpisodeSummary>> {
  if (asOf !== todayInStockholm())
    return computeSummaries(
      db,
      rows.map((r) => ({ id: r.id, startDate: r.start_date, unitId: r.unit_id })),
      asOf,
    );
  const out = new Map<string, EpisodeSummary>();
  const stale: StoredRow[] = [];
  for (const r of rows) {
    if (r.view && r.as_of && fromDbDate(r.as_of) === asOf) out.set(r.id, r.view);
    else stale.push(r);
  }
  // A batch at a time: the first list of a day the refresh did not run may find every row stale.
  for (let i = 0; i < stale.length; i += REFRESH_BATCH) {
    const batch = stale.slice(i, i + REFRESH_BATCH);
    const computed = await computeSummaries(
      db,
      batch.map((r) => ({ id: r.id, startDate: r.start_date, unitId: r.unit_id })),
      asOf,
    );
    if (isAppPool(db)) await storeSummaries(db, computed, versionsOf(batch), asOf);
    for (const [id, s] of computed) out.set(id, s);
  }
  return out;
}

/** The versions read of rows that exist (an episode without its row is evaluated, never stored). */
const versionsOf = (rows: readonly { id: string; version: number | null }[]) =>
  new Map(rows.filter((r) => r.version !== null).map((r) => [r.id, r.version!]));

/**
 * Stores summaries as of `asOf` where the row's version is still the one read
 * with the facts' episode. Rows a writer holds are skipped (SKIP LOCKED): that
 * writer makes them stale anyway, and a reader never waits for a writer.
 */
export async function storeSummaries(
  db: DbTx,
  summaries: Map<string, EpisodeSummary>,
  versions: Map<string, number>,
  asOf: LocalDate,
): Promise<void> {
  const ids = [...summaries.keys()].filter((id) => versions.has(id));
  if (ids.length === 0) return;
  await db.$executeRaw(Prisma.sql`
    UPDATE episode_evaluation ev
    SET view = u.view, as_of = ${toDbDate(asOf)}::date, evaluated_at = now(),
        flag_codes = string_to_array(u.codes, ',')::"FlagCode"[]
    FROM unnest(${ids}::uuid[], ${ids.map((id) => versions.get(id)!)}::int[],
                ${ids.map((id) => JSON.stringify(summaries.get(id)))}::jsonb[],
                ${ids.map((id) =>
                  summaries
                    .get(id)!
                    .evaluation.flags.map((f) => f.code)
                    .join(","),
                )}::text[])
      AS u(id, version, view, codes)
    WHERE ev.episode_id = u.id AND ev.version = u.version
      AND ev.episode_id IN (SELECT episode_id FROM episode_evaluation
                            WHERE episode_id = ANY(${ids}::uuid[]) FOR UPDATE SKIP LOCKED)`);
}

const REFRESH_BATCH = 500;

/**
 * The daily refresh: every episode open today (not closed, or closed after
 * today) whose row is not of `today`, re-evaluated and stored, a batch at a
 * time; an episode without its row (triggers bypassed by a restore) gets one.
 * Returns how many it re-evaluated. Run after midnight by the launcher (npm
 * start) and by `npm run evaluations:refresh`; the lists stay right without
 * it (a reader re-evaluates a row of another day), only the first reader pays.
 */
export async function refreshSummaries(db: DbTx, today: LocalDate = todayInStockholm()): Promise<number> {
  const day = toDbDate(today);
  await db.$executeRaw(Prisma.sql`
    INSERT INTO episode_evaluation (episode_id)
    SELECT e.id FROM episode e
    WHERE (e.closed_date IS NULL OR e.closed_date > ${day}::date)
      AND NOT EXISTS (SELECT 1 FROM episode_evaluation ev WHERE ev.episode_id = e.id)
    ON CONFLICT DO NOTHING`);
  let refreshed = 0;
  let after = "00000000-0000-0000-0000-000000000000";
  for (;;) {
    const rows = await db.$queryRaw<{ id: string; start_date: Date; unit_id: string; version: number }[]>(
      Prisma.sql`
        SELECT e.id, e.start_date, p.unit_id, ev.version
        FROM episode_evaluation ev JOIN episode e ON e.id = ev.episode_id JOIN patient p ON p.id = e.patient_id
        WHERE (e.closed_date IS NULL OR e.closed_date > ${day}::date)
          AND ev.as_of IS DISTINCT FROM ${day}::date AND ev.episode_id > ${after}::uuid
        ORDER BY ev.episode_id LIMIT ${REFRESH_BATCH}`,
    );
    if (rows.length === 0) return refreshed;
    after = rows.at(-1)!.id;
    const computed = await computeSummaries(
      db,
      rows.map((r) => ({ id: r.id, startDate: r.start_date, unitId: r.unit_id })),
      today,
    );
    await storeSummaries(db, computed, versionsOf(rows), today);
    refreshed += rows.length;
  }
}
