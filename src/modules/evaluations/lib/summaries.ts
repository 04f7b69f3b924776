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
import { queries, type DbTx } from "@/lib/db/client";
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

type StoredRow = { episode_id: string; version: number; as_of: Date | null; view: EpisodeSummary | null };

/**
 * The episodes' summaries as of `asOf`. As of today: the stored ones that are
 * fresh, the others evaluated now and stored. As of another day: from the
 * facts (history and plans are asked for seldom, and never stored).
 */
export async function episodeSummaries(
  db: DbTx,
  episodes: readonly SummaryEpisode[],
  asOf: LocalDate,
): Promise<Map<string, EpisodeSummary>> {
  if (asOf !== todayInStockholm() || episodes.length === 0) return computeSummaries(db, episodes, asOf);
  const rows = await db.$queryRaw<StoredRow[]>(Prisma.sql`
    SELECT episode_id, version, as_of, view FROM episode_evaluation
    WHERE episode_id = ANY(${episodes.map((e) => e.id)}::uuid[])`);
  const out = new Map<string, EpisodeSummary>();
  const versions = new Map<string, number>();
  for (const r of rows) {
    if (r.view && r.as_of && fromDbDate(r.as_of) === asOf) out.set(r.episode_id, r.view);
    else versions.set(r.episode_id, r.version);
  }
  const stale = episodes.filter((e) => !out.has(e.id));
  if (stale.length === 0) return out;
  const computed = await computeSummaries(db, stale, asOf);
  await storeSummaries(db, computed, versions, asOf);
  for (const [id, s] of computed) out.set(id, s);
  return out;
}

/**
 * Stores summaries as of `asOf` where the row's version is still the one read
 * before the facts. Rows a writer holds are skipped (SKIP LOCKED): that
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
 * The daily refresh: every open episode whose row is not of `today`,
 * re-evaluated and stored, a batch at a time. Returns how many it stored.
 * Run after midnight by the launcher (npm start) and by
 * `npm run evaluations:refresh`; the lists stay right without it (a reader
 * re-evaluates a row of another day), only the first reader pays.
 */
export async function refreshSummaries(db: DbTx, today: LocalDate = todayInStockholm()): Promise<number> {
  let refreshed = 0;
  let after = "00000000-0000-0000-0000-000000000000";
  for (;;) {
    const rows = await db.$queryRaw<{ id: string; start_date: Date; unit_id: string; version: number }[]>(
      Prisma.sql`
        SELECT e.id, e.start_date, ev.unit_id, ev.version
        FROM episode_evaluation ev JOIN episode e ON e.id = ev.episode_id
        WHERE e.closed_date IS NULL AND ev.as_of IS DISTINCT FROM ${toDbDate(today)}::date AND ev.episode_id > ${after}::uuid
        ORDER BY ev.episode_id LIMIT ${REFRESH_BATCH}`,
    );
    if (rows.length === 0) return refreshed;
    after = rows.at(-1)!.id;
    const computed = await computeSummaries(
      db,
      rows.map((r) => ({ id: r.id, startDate: r.start_date, unitId: r.unit_id })),
      today,
    );
    await storeSummaries(db, computed, new Map(rows.map((r) => [r.id, r.version])), today);
    refreshed += rows.length;
  }
}
