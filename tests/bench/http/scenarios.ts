// What the benchmark asks of the app, as each role works: the route, who asks,
// the budget it must keep, and beside it the hand-written SQL that returns the
// same rows. The SQL fetches what the page shows as an expert would from this
// schema: today's lists from the stored evaluations, other days' pages with
// the facts their flags are decided from (flags are the clinical core's, not
// SQL's). So the ratio app ÷ SQL is what the app adds to its data: framework,
// session, scoping, the clinical core, the access log and rendering.
import { randomUUID } from "node:crypto";
import type pg from "pg";
import { UNITS_PER_PSYCHIATRIST, benchUsernames } from "../scale/generate";

export type Who = "careManager" | "gp" | "psychiatrist" | "chef" | "apiToken" | "psychiatristApiToken";

export type Scenario = {
  key: string;
  /** As the report names it. */
  label: string;
  who: Who;
  method: "GET" | "POST";
  path: string;
  /** A fresh body for each request (POST). */
  body?: () => string;
  /** p95 budget at 50 working users, ms. */
  budgetMs: number;
  sql: { text: string; values: unknown[]; write?: boolean };
};

export type Targets = {
  unitId: string;
  unitIds10: string[];
  careManager: { id: string; username: string };
  gp: { id: string; username: string };
  psychiatrist: { id: string; username: string };
  chef: { id: string; username: string };
  patientId: string;
  episodeId: string;
  contactEpisodeIds: string[];
  visitId: string;
  today: string;
};

/** The users and records of unit 1 the benchmark works with, found as the owner. */
export async function findTargets(owner: pg.Client, today: string): Promise<Targets> {
  const one = async <T extends pg.QueryResultRow>(text: string, values: unknown[] = []) => {
    const { rows } = await owner.query<T>(text, values);
    if (!rows[0]) throw new Error(`The benchmark's data lacks: ${text}`);
    return rows;
  };
  const [unit] = await one<{ id: string }>(
    "SELECT u.id FROM unit u JOIN app_user a ON a.username = $1 JOIN unit_membership m ON m.user_id = a.id AND m.unit_id = u.id",
    [benchUsernames.chef(1)],
  );
  const unitId = unit!.id;
  const units = await one<{ id: string }>(
    `SELECT m.unit_id AS id FROM unit_membership m JOIN app_user a ON a.id = m.user_id WHERE a.username = $1`,
    [benchUsernames.psychiatrist(1)],
  );
  if (units.length !== UNITS_PER_PSYCHIATRIST) throw new Error("psykiater.1 should serve ten units.");
  // The unit's busiest care manager and GP: the longest caseload is the hardest.
  const busiest = async (column: "care_manager_id" | "gp_id") => {
    const [row] = await one<{ id: string; username: string }>(
      `SELECT a.id, a.username FROM episode e JOIN patient p ON p.id = e.patient_id JOIN app_user a ON a.id = e.${column}
       WHERE p.unit_id = $1 AND e.closed_date IS NULL GROUP BY a.id, a.username ORDER BY count(*) DESC, a.username LIMIT 1`,
      [unitId],
    );
    return row!;
  };
  const careManager = await busiest("care_manager_id");
  const gp = await busiest("gp_id");
  const user = async (username: string) =>
    (
      await one<{ id: string; username: string }>("SELECT id, username FROM app_user WHERE username = $1", [
        username,
      ])
    )[0]!;
  // The open episode with the most contacts: the patient page's longest timeline.
  const [episode] = await one<{ id: string; patient_id: string }>(
    `SELECT e.id, e.patient_id FROM episode e JOIN patient p ON p.id = e.patient_id
     WHERE p.unit_id = $1 AND e.closed_date IS NULL AND e.care_manager_id = $2
     ORDER BY (SELECT count(*) FROM contact c WHERE c.episode_id = e.id) DESC, e.id LIMIT 1`,
    [unitId, careManager.id],
  );
  const contactEpisodes = await one<{ id: string }>(
    `SELECT e.id FROM episode e JOIN patient p ON p.id = e.patient_id
     WHERE p.unit_id = $1 AND e.closed_date IS NULL AND e.start_date <= $2::date ORDER BY e.id`,
    [unitId, today],
  );
  const [visit] = await one<{ id: string }>(
    "SELECT id FROM visit WHERE unit_id = $1 AND date >= $2::date ORDER BY date LIMIT 1",
    [unitId, today],
  );
  return {
    unitId,
    unitIds10: units.map((u) => u.id),
    careManager,
    gp,
    psychiatrist: await user(benchUsernames.psychiatrist(1)),
    chef: await user(benchUsernames.chef(1)),
    patientId: episode!.patient_id,
    episodeId: episode!.id,
    contactEpisodeIds: contactEpisodes.map((e) => e.id),
    visitId: visit!.id,
    today,
  };
}

/** The scored contacts of some episodes, as the facts loader reads them. */
const FACTS = `
  SELECT c.episode_id, c.date, c.type, c.counterpart, c.reached, c.madrs_total, c.item9
  FROM contact c WHERE c.episode_id = ANY(ARRAY(SELECT id FROM listed)) AND c.date <= $2::date
  ORDER BY c.episode_id, c.date, c.recorded_at`;

export function scenarios(t: Targets): Scenario[] {
  const asOfWeekAgo = new Date(Date.parse(`${t.today}T12:00:00Z`) - 7 * 86_400_000)
    .toISOString()
    .slice(0, 10);
  let next = 0;
  return [
    {
      key: "caseload",
      label: "Mina patienter (care manager)",
      who: "careManager",
      method: "GET",
      path: "/patienter",
      budgetMs: 100,
      sql: {
        // The care manager's open episodes with the patient and today's stored evaluation.
        text: `SELECT e.id, e.start_date, e.status, p.given_name, p.family_name, p.personnummer, ev.view
               FROM episode e JOIN patient p ON p.id = e.patient_id JOIN episode_evaluation ev ON ev.episode_id = e.id
               WHERE p.unit_id = ANY($1::uuid[]) AND e.closed_date IS NULL AND e.care_manager_id = $2 AND ev.as_of = $3::date`,
        values: [[t.unitId], t.careManager.id, t.today],
      },
    },
    {
      key: "patient",
      label: "Patient page (care manager)",
      who: "careManager",
      method: "GET",
      path: `/patienter/${t.patientId}`,
      budgetMs: 100,
      sql: {
        text: `SELECT p.*, u.name, e.*, c.*, s.*
               FROM patient p JOIN unit u ON u.id = p.unit_id
               JOIN episode e ON e.patient_id = p.id
               LEFT JOIN contact c ON c.episode_id = e.id AND e.closed_date IS NULL
               LEFT JOIN LATERAL (SELECT json_agg(x) AS changes FROM episode_status_change x WHERE x.episode_id = e.id) s ON true
               WHERE p.id = $1 AND p.unit_id = ANY($2::uuid[])
               ORDER BY e.start_date DESC, c.date, c.recorded_at`,
        values: [t.patientId, [t.unitId]],
      },
    },
    {
      key: "flagged",
      label: "Flaggade patienter (GP)",
      who: "gp",
      method: "GET",
      path: "/flaggor",
      budgetMs: 100,
      sql: {
        // The GP's open episodes with an open flag today, and the stored evaluation.
        text: `SELECT e.id, e.start_date, p.given_name, p.family_name, p.personnummer, ev.view
               FROM episode e JOIN patient p ON p.id = e.patient_id JOIN episode_evaluation ev ON ev.episode_id = e.id
               WHERE p.unit_id = ANY($1::uuid[]) AND e.closed_date IS NULL AND e.gp_id = $2 AND ev.as_of = $3::date
                 AND ev.flag_codes <> '{}'`,
        values: [[t.unitId], t.gp.id, t.today],
      },
    },
    {
      key: "review-list",
      label: `Konsultlista (psychiatrist, ${UNITS_PER_PSYCHIATRIST} units)`,
      who: "psychiatrist",
      method: "GET",
      path: "/konsultlista",
      budgetMs: 100,
      sql: {
        // The ten units' open episodes with a psychiatrist-routed flag today:
        // patient, staff, the stored evaluation, the last case review.
        text: `SELECT e.id, e.start_date, e.care_manager_id, e.gp_id, p.given_name, p.family_name, p.personnummer, p.unit_id, e.view,
                      (SELECT max(r.created_at) FROM recommendation r WHERE r.episode_id = e.id) AS last_review
               FROM patient p CROSS JOIN LATERAL (
                 SELECT e.*, ev.view FROM episode e JOIN episode_evaluation ev ON ev.episode_id = e.id
                 WHERE e.patient_id = p.id AND e.closed_date IS NULL AND ev.as_of = $2::date
                   AND ev.flag_codes && '{SAFETY_RISK,SEVERE,TWELVE_WEEK_DECISION,NO_RESPONSE,MARKED_FOR_REVIEW}'
                 OFFSET 0) e
               WHERE p.unit_id = ANY($1::uuid[])`,
        values: [t.unitIds10, t.today],
      },
    },
    {
      key: "api-review-list",
      label: `GET /api/v1/review-list (API token, psychiatrist, ${UNITS_PER_PSYCHIATRIST} units)`,
      who: "psychiatristApiToken",
      method: "GET",
      path: "/api/v1/review-list",
      budgetMs: 100,
      sql: {
        // The review list's own SQL: the ten units' open episodes with a
        // psychiatrist-routed flag today, with the stored evaluation.
        text: `SELECT e.id, e.patient_id, e.start_date, p.unit_id, e.view
               FROM patient p CROSS JOIN LATERAL (
                 SELECT e.*, ev.view FROM episode e JOIN episode_evaluation ev ON ev.episode_id = e.id
                 WHERE e.patient_id = p.id AND e.closed_date IS NULL AND ev.as_of = $2::date
                   AND ev.flag_codes && '{SAFETY_RISK,SEVERE,TWELVE_WEEK_DECISION,NO_RESPONSE,MARKED_FOR_REVIEW}'
                 OFFSET 0) e
               WHERE p.unit_id = ANY($1::uuid[])`,
        values: [t.unitIds10, t.today],
      },
    },
    {
      key: "visit-print",
      label: "A visit's print view (psychiatrist)",
      who: "psychiatrist",
      method: "GET",
      path: `/konsultbesok/${t.visitId}/utskrift`,
      budgetMs: 100,
      sql: {
        text: `WITH listed AS (SELECT i.episode_id AS id FROM visit_item i WHERE i.visit_id = $1)
               SELECT v.date, u.name, i.position, i.time, p.given_name, p.family_name, p.personnummer, r.question, f.*
               FROM visit v JOIN unit u ON u.id = v.unit_id JOIN visit_item i ON i.visit_id = v.id
               JOIN episode e ON e.id = i.episode_id JOIN patient p ON p.id = e.patient_id
               LEFT JOIN review_request r ON r.episode_id = e.id AND r.answered_at IS NULL
               LEFT JOIN (${FACTS}) f ON f.episode_id = e.id
               WHERE v.id = $1 AND v.unit_id = ANY($3::uuid[]) ORDER BY i.position`,
        values: [t.visitId, t.today, t.unitIds10],
      },
    },
    {
      key: "report",
      label: "Uppföljning, 12 months (verksamhetschef)",
      who: "chef",
      method: "GET",
      path: `/uppfoljning?period=12m&unitId=${t.unitId}`,
      budgetMs: 100,
      sql: {
        // The episodes of the unit the year touches, and their facts.
        text: `WITH listed AS (
                 SELECT e.id FROM episode e JOIN patient p ON p.id = e.patient_id
                 WHERE p.unit_id = $1 AND e.start_date <= $2::date
                   AND (e.closed_date IS NULL OR e.closed_date >= $2::date - 365 OR e.start_date >= $2::date - 365 - 90))
               SELECT e.id, e.care_manager_id, e.sick_leave_at_start, f.*
               FROM listed l JOIN episode e ON e.id = l.id LEFT JOIN (${FACTS}) f ON f.episode_id = l.id`,
        values: [t.unitId, t.today],
      },
    },
    {
      key: "access-log",
      label: "Loggkontroll, one user's year (verksamhetschef)",
      who: "chef",
      method: "GET",
      path: `/loggkontroll?user=${t.careManager.id}`,
      budgetMs: 100,
      sql: {
        text: `SELECT l.id, l.at, l.action, l.target, l.patient_id, p.given_name, p.family_name
               FROM access_log l LEFT JOIN patient p ON p.id = l.patient_id
               WHERE l.user_id = $1 AND l.unit_id = $2
                 AND l.at >= ($3::date - 365)::timestamptz AND l.at < ($3::date + 1)::timestamptz
               ORDER BY l.at DESC, l.id DESC LIMIT 51`,
        values: [t.careManager.id, t.unitId, t.today],
      },
    },
    {
      key: "attention",
      label: `Header's attention count (psychiatrist, ${UNITS_PER_PSYCHIATRIST} units)`,
      who: "psychiatrist",
      method: "GET",
      path: "/api/attention",
      budgetMs: 100,
      sql: {
        // What the count rests on: the last write in the units (the cache's
        // stamp), today's flagged episodes and the unanswered questions.
        text: `SELECT (SELECT max(w.at) FROM unnest($1::uuid[]) AS u(id) CROSS JOIN LATERAL (
                         SELECT at FROM access_log WHERE unit_id = u.id AND action IN ('CREATE', 'UPDATE') AND refusal IS NULL
                           AND at > now() - interval '1 day'
                         ORDER BY at DESC LIMIT 1) w) AS stamp,
                      (SELECT count(*) FROM patient p CROSS JOIN LATERAL (
                         SELECT 1 FROM episode e JOIN episode_evaluation ev ON ev.episode_id = e.id
                         WHERE e.patient_id = p.id AND e.closed_date IS NULL AND ev.as_of = $2::date
                           AND ev.flag_codes && '{SAFETY_RISK,SEVERE,TWELVE_WEEK_DECISION,NO_RESPONSE,MARKED_FOR_REVIEW}'
                         OFFSET 0) e
                       WHERE p.unit_id = ANY($1::uuid[])) AS listed,
                      (SELECT count(*) FROM review_request r JOIN episode e ON e.id = r.episode_id JOIN patient p ON p.id = e.patient_id
                       WHERE p.unit_id = ANY($1::uuid[]) AND r.answered_at IS NULL) AS questions`,
        values: [t.unitIds10, t.today],
      },
    },
    {
      key: "api-episode",
      label: "GET /api/v1/episodes/{id}?asOf= (API token)",
      who: "apiToken",
      method: "GET",
      path: `/api/v1/episodes/${t.episodeId}?asOf=${asOfWeekAgo}`,
      budgetMs: 30,
      sql: {
        text: `SELECT e.*, p.unit_id, c.*
               FROM episode e JOIN patient p ON p.id = e.patient_id
               LEFT JOIN contact c ON c.episode_id = e.id AND c.date <= $2::date
               WHERE e.id = $1 AND p.unit_id = ANY($3::uuid[]) ORDER BY c.date, c.recorded_at`,
        values: [t.episodeId, asOfWeekAgo, [t.unitId]],
      },
    },
    {
      key: "contact-save",
      label: "Saving a contact (POST, API token)",
      who: "apiToken",
      method: "POST",
      // Each request a call on the next of the unit's open episodes.
      get path() {
        return `/api/v1/episodes/${t.contactEpisodeIds[next++ % t.contactEpisodeIds.length]}/contacts`;
      },
      body: () =>
        JSON.stringify({
          date: t.today,
          type: "PHONE",
          counterpart: "PATIENT",
          reached: false,
          note: BENCH_NOTE,
          idempotencyKey: randomUUID(),
        }),
      budgetMs: 50,
      sql: {
        write: true,
        // The same write by hand: the episode's row lock, the contact, its log row.
        text: `WITH e AS (
                 SELECT e.id, e.patient_id, p.unit_id FROM episode e JOIN patient p ON p.id = e.patient_id
                 WHERE e.id = $1 AND p.unit_id = ANY($5::uuid[]) AND e.closed_date IS NULL FOR UPDATE OF e),
               c AS (
                 INSERT INTO contact (id, episode_id, date, type, counterpart, reached, note, author_id)
                 SELECT gen_random_uuid(), id, $2::date, 'PHONE', 'PATIENT', false, $4, $3 FROM e RETURNING id, episode_id)
               INSERT INTO access_log (action, user_id, unit_id, patient_id, target)
               SELECT 'CREATE', $3, e.unit_id, e.patient_id, 'contact:' || c.id FROM c JOIN e ON e.id = c.episode_id`,
        values: [t.contactEpisodeIds[0], t.today, t.careManager.id, BENCH_NOTE, [t.unitId]],
      },
    },
  ];
}

/** The note of the benchmark's own calls: removed by the owner after each run. */
export const BENCH_NOTE = "samvard-bench: benchmark call";
