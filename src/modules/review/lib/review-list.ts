import "server-only";
import { Prisma } from "@/generated/prisma/client";
import type { DbTx } from "@/lib/db/client";
import { toDbDate, todayInStockholm } from "@/lib/dates";
import { endOfStockholmDay, stockholmDate, type LocalDate } from "@/lib/local-date";
import type { UseCaseActor } from "@/modules/auth/actor";
import { FLAG_CODES, isPsychiatristFlag } from "@/modules/clinical/rules/flags";
import type { RuleSettings } from "@/modules/clinical/rules/settings";
import { loadRuleSettings } from "@/modules/episodes/lib/facts";
import type { EpisodeSummary } from "@/modules/clinical/rules/summary";
import { computeSummaries, summariesOfRows, type StoredRow } from "@/modules/evaluations/lib/summaries";
import { withUnits } from "@/modules/patient-data/lib/scoped";
import { orderReviewList } from "../rules/order";
import { staffNames } from "@/modules/auth/lib/staff-names";

/**
 * The thresholds of the SQL pre-filter, from each unit's loaded settings: an
 * episode can have an open psychiatrist-routed flag only when it is long
 * enough in treatment for NO_RESPONSE or TWELVE_WEEK_DECISION, or has a score
 * that could raise SAFETY_RISK or SEVERE, or a review request.
 */
export const prefilterThresholds = (s: RuleSettings) => ({
  minDays: Math.min(s.noResponseDays, s.twelveWeekDays),
  safetyRiskItem9: s.safetyRiskItem9,
  severeTotal: s.severeTotal,
});

/**
 * The episodes open on a day (begun, and never closed or closed after it) as
 * two index ranges, not one OR the planner cannot index: never closed (the
 * partial index episode_open_by_start) or closed after the day
 * (episode_closed_by_date).
 */
const openEpisodesOn = (day: Date) => Prisma.sql`
  SELECT id, patient_id, start_date, care_manager_id, gp_id FROM episode
  WHERE closed_date IS NULL AND start_date <= ${day}::date
  UNION ALL
  SELECT id, patient_id, start_date, care_manager_id, gp_id FROM episode
  WHERE closed_date > ${day}::date AND start_date <= ${day}::date`;

/**
 * The SQL pre-filter: episodes of the given units that may have an open
 * psychiatrist-routed flag as of asOf, a superset (the clinical core decides),
 * among those open that day (openEpisodesOn). Thresholds come from each unit's loaded settings,
 * as parameters. Exported for the benchmark's EXPLAIN.
 */
export function candidateQuery(settings: Map<string, RuleSettings>, asOf: LocalDate) {
  const units = [...settings.keys()];
  const t = units.map((u) => prefilterThresholds(settings.get(u)!));
  const day = toDbDate(asOf);
  return Prisma.sql`
    WITH s AS (
      SELECT * FROM unnest(${units}::uuid[], ${t.map((x) => x.minDays)}::int[],
                           ${t.map((x) => x.safetyRiskItem9)}::int[], ${t.map((x) => x.severeTotal)}::int[])
        AS s(unit_id, min_days, safety_risk_item9, severe_total)
    ),
    open_episode AS (${openEpisodesOn(day)})
    SELECT e.id
    FROM open_episode e
    JOIN patient p ON p.id = e.patient_id
    JOIN s ON s.unit_id = p.unit_id
    WHERE e.start_date <= ${day}::date - s.min_days
       OR EXISTS (
         SELECT 1 FROM contact c
         WHERE c.episode_id = e.id AND c.date <= ${day}::date
           AND (c.item9 >= s.safety_risk_item9 OR c.madrs_total >= s.severe_total))
       OR EXISTS (
         SELECT 1 FROM review_request r
         WHERE r.episode_id = e.id AND r.requested_at < ${endOfStockholmDay(asOf)})`;
}

async function candidateIds(
  db: DbTx,
  settings: Map<string, RuleSettings>,
  asOf: LocalDate,
): Promise<string[]> {
  const rows = await db.$queryRaw<{ id: string }[]>(candidateQuery(settings, asOf));
  return rows.map((r) => r.id);
}

/**
 * Today's candidates from the stored evaluations, read in one statement with
 * all the list shows of them: the units' episodes open today (never closed,
 * or closed after today) whose row of today has a psychiatrist-routed flag,
 * and those whose row is stale or missing (re-evaluated by summariesOfRows).
 * `view` only where the caller needs it, and only a row of today's.
 *
 * From the units' patients, each one's episodes probed by patient
 * (`OFFSET 0` keeps the planner from turning that into a scan of every open
 * episode of the region, which grows with the region: 24 ms for a nation's
 * 50 000 open episodes against 10 ms this way, whatever the region's size).
 */
const storedCandidateQuery = (
  unitIds: readonly string[],
  today: LocalDate,
  { withNames, withView }: { withNames: boolean; withView: boolean },
) => {
  const day = toDbDate(today);
  return Prisma.sql`
    SELECT e.id, e.start_date, p.unit_id, e.version, e.as_of, e.view,
           e.patient_id, e.care_manager_id, e.gp_id, e.as_of IS NOT DISTINCT FROM ${day}::date AS fresh
           ${withNames ? Prisma.sql`, p.given_name, p.family_name, p.personnummer` : Prisma.empty}
    FROM patient p
    CROSS JOIN LATERAL (
      SELECT e.id, e.patient_id, e.start_date, e.care_manager_id, e.gp_id, ev.version, ev.as_of, ev.flag_codes,
             ${withView ? Prisma.sql`CASE WHEN ev.as_of = ${day}::date THEN ev.view END` : Prisma.sql`NULL::jsonb`} AS view
      FROM episode e LEFT JOIN episode_evaluation ev ON ev.episode_id = e.id
      WHERE e.patient_id = p.id AND (e.closed_date IS NULL OR e.closed_date > ${day}::date)
        AND e.start_date <= ${day}::date
      OFFSET 0
    ) e
    WHERE p.unit_id = ANY(${[...unitIds]}::uuid[])
      AND (e.as_of IS DISTINCT FROM ${day}::date OR e.flag_codes && ${PSYCHIATRIST_FLAGS}::"FlagCode"[])`;
};

type CandidateRow = StoredRow & {
  patient_id: string;
  care_manager_id: string | null;
  gp_id: string | null;
  fresh: boolean;
  given_name?: string;
  family_name?: string;
  personnummer?: string;
};

const PSYCHIATRIST_FLAGS = FLAG_CODES.filter(isPsychiatristFlag);

const BATCH = 2_000;

type PatientName = { givenName: string; familyName: string; personnummer: string };

/** An episode that may be on the list, with what the list shows of it besides its summary. */
type Candidate = {
  id: string;
  patientId: string;
  unitId: string;
  careManagerId: string | null;
  gpId: string | null;
  names: Partial<PatientName>;
};

/**
 * The candidates and their summaries as of today: one statement for the
 * candidates with their stored rows, the stale ones evaluated from the facts.
 */
async function candidatesToday(db: DbTx, unitIds: string[], today: LocalDate, withNames: boolean) {
  const rows = await db.$queryRaw<CandidateRow[]>(
    storedCandidateQuery(unitIds, today, { withNames, withView: true }),
  );
  const summaries = await summariesOfRows(db, rows, today);
  const candidates: Candidate[] = rows.map((r) => ({
    id: r.id,
    patientId: r.patient_id,
    unitId: r.unit_id,
    careManagerId: r.care_manager_id,
    gpId: r.gp_id,
    names: withNames
      ? { givenName: r.given_name, familyName: r.family_name, personnummer: r.personnummer }
      : {},
  }));
  return { candidates, summaries };
}

/** The candidates and their summaries as of another day: the SQL pre-filter, then the facts, in batches. */
async function candidatesOn(db: DbTx, unitIds: string[], asOf: LocalDate, withNames: boolean) {
  const ids = await candidateIds(db, await loadRuleSettings(db, unitIds, asOf), asOf);
  const candidates: Candidate[] = [];
  const summaries = new Map<string, EpisodeSummary>();
  for (let i = 0; i < ids.length; i += BATCH) {
    const episodes = await db.episode.findMany({
      where: { id: { in: ids.slice(i, i + BATCH) }, patient: { unitId: { in: unitIds } } },
      select: {
        id: true,
        patientId: true,
        startDate: true,
        careManagerId: true,
        gpId: true,
        patient: {
          select: { unitId: true, givenName: withNames, familyName: withNames, personnummer: withNames },
        },
      },
    });
    const batch = await computeSummaries(
      db,
      episodes.map((e) => ({ id: e.id, startDate: e.startDate, unitId: e.patient.unitId })),
      asOf,
    );
    for (const [id, summary] of batch) summaries.set(id, summary);
    for (const e of episodes) {
      const { unitId, ...names } = e.patient;
      candidates.push({
        id: e.id,
        patientId: e.patientId,
        unitId,
        careManagerId: e.careManagerId,
        gpId: e.gpId,
        names: names as Partial<PatientName>,
      });
    }
  }
  return { candidates, summaries };
}

/**
 * How many patients the review list of the units has today (the header's
 * count), without reading a summary that is stored: the fresh rows are
 * counted by their stored flags, the stale ones evaluated (and stored). The
 * same number as computeReviewList's items; another day counts that list.
 */
export async function countReviewList(db: DbTx, unitIds: string[], today: LocalDate): Promise<number> {
  if (today !== todayInStockholm()) return (await computeReviewList(db, unitIds, today, false)).items.length;
  const rows = await db.$queryRaw<CandidateRow[]>(
    storedCandidateQuery(unitIds, today, { withNames: false, withView: false }),
  );
  const stale = rows.filter((r) => !r.fresh);
  const summaries = await summariesOfRows(db, stale, today);
  const listed = stale.filter((r) =>
    summaries.get(r.id)!.evaluation.flags.some((f) => isPsychiatristFlag(f.code)),
  );
  return rows.length - stale.length + listed.length;
}

/**
 * The review list as of a date (today by default) for the actor's units, or one
 * of them: pre-filtered in SQL, decided by the clinical core, in domain.md's
 * priority order. Every listed patient is a logged read. `withNames` adds the
 * patient's name and personnummer (the Konsultlista page) in the same query.
 */
function buildReviewList({
  actor,
  asOf = todayInStockholm(),
  unitId,
  withNames,
}: {
  actor: UseCaseActor;
  asOf?: LocalDate;
  unitId?: string;
  withNames: boolean;
}) {
  const target = `review-list?asOf=${asOf}`;
  return withUnits(
    {
      actor,
      permission: "clinical:read",
      unitId,
      attempt: { action: "READ", target },
      access: (list: { items: { unitId: string; patientId: string }[] }) =>
        list.items.map((i) => ({ action: "READ", unitId: i.unitId, patientId: i.patientId, target })),
    },
    (db, unitIds) => computeReviewList(db, unitIds, asOf, withNames),
  );
}

/**
 * The review list's work on given units (already the actor's): pre-filter in
 * SQL, decide with the clinical core, order. For a use case that has scoped
 * and will log (the list itself, a visit's agenda).
 */
export async function computeReviewList(db: DbTx, unitIds: string[], asOf: LocalDate, withNames: boolean) {
  const { candidates, summaries } =
    asOf === todayInStockholm()
      ? await candidatesToday(db, unitIds, asOf, withNames)
      : await candidatesOn(db, unitIds, asOf, withNames);
  const items = [];
  for (const e of candidates) {
    const { evaluation, scores } = summaries.get(e.id)!;
    if (!evaluation.flags.length) continue;
    items.push({
      episodeId: e.id,
      patientId: e.patientId,
      unitId: e.unitId,
      week: evaluation.week!,
      daysInTreatment: evaluation.daysInTreatment,
      baseline: evaluation.baseline,
      latest: evaluation.latest,
      reduction: evaluation.reduction,
      flags: evaluation.flags.map((f) => f.code),
      names: e.names,
      // For the Konsultlista page: every score (the sparkline) and who the patient's GP and care manager are.
      page: withNames
        ? {
            scores: scores.map(({ date, day, total }) => ({ date, day, total })),
            careManagerId: e.careManagerId,
            gpId: e.gpId,
          }
        : undefined,
    });
  }
  return {
    asOf,
    items: orderReviewList(items),
    staff: withNames
      ? await pageFacts(
          db,
          items.map((i) => ({
            episodeId: i.episodeId,
            careManagerId: i.page?.careManagerId ?? null,
            gpId: i.page?.gpId ?? null,
          })),
          asOf,
        )
      : null,
  };
}

/** For the Konsultlista page: the last case review of each listed episode, and the names of the staff shown. */
async function pageFacts(
  db: DbTx,
  items: { episodeId: string; careManagerId: string | null; gpId: string | null }[],
  asOf: LocalDate,
) {
  const ids = items.map((i) => i.episodeId);
  const lastReviews = ids.length
    ? await db.$queryRaw<{ episode_id: string; created_at: Date; author_id: string }[]>(Prisma.sql`
        SELECT DISTINCT ON (episode_id) episode_id, created_at, author_id FROM recommendation
        WHERE episode_id = ANY(${ids}::uuid[]) AND created_at < ${endOfStockholmDay(asOf)}
        ORDER BY episode_id, created_at DESC`)
    : [];
  const staffIds = [
    ...new Set([...items.flatMap((i) => [i.careManagerId, i.gpId]), ...lastReviews.map((r) => r.author_id)]),
  ].filter((id): id is string => typeof id === "string");
  const names = await staffNames(db, staffIds);
  return { lastReview: new Map(lastReviews.map((r) => [r.episode_id, r])), names };
}

/** The review list as the API gives it (api.md "Review list"). */
export async function reviewList(opts: { actor: UseCaseActor; asOf?: LocalDate; unitId?: string }) {
  const list = await buildReviewList({ ...opts, withNames: false });
  return { asOf: list.asOf, items: list.items.map(({ names: _n, page: _p, ...item }) => item) };
}

/**
 * The review list for the Konsultlista page: with patient and unit names,
 * every score, the GP and care manager, and the date and author of the last
 * case review, in a fixed number of queries.
 */
export async function reviewListWithNames(opts: {
  actor: UseCaseActor & { units: { id: string; name: string }[] };
  asOf?: LocalDate;
  unitId?: string;
}) {
  const list = await buildReviewList({ ...opts, withNames: true });
  const { lastReview: last, names: staff } = list.staff!;
  // The signed-in actor already carries its units' names.
  const unitName = new Map(opts.actor.units.map((u) => [u.id, u.name]));
  return {
    asOf: list.asOf,
    items: list.items.map(({ names, page, ...item }) => {
      const review = last.get(item.episodeId);
      return {
        ...item,
        patient: names as PatientName,
        unitName: unitName.get(item.unitId) ?? "",
        scores: page!.scores,
        careManager: page!.careManagerId ? (staff.get(page!.careManagerId) ?? null) : null,
        gp: page!.gpId ? (staff.get(page!.gpId) ?? null) : null,
        lastReview: review
          ? { date: stockholmDate(review.created_at), by: staff.get(review.author_id) ?? "" }
          : null,
      };
    }),
  };
}
