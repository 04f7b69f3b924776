// Benchmark: the verksamhetschef's tools at region scale — 40 units, 100 000
// episodes, about 1.2 million contacts and 10 million access-log rows over a
// year, partitioned by month — on a throw-away embedded PostgreSQL.
// Run: npm run bench:access-log   (about ten minutes; prints figures)
import { performance } from "node:perf_hooks";
import { makeRegion } from "./region";
import { printPlan, withBenchDatabase } from "./support";

const UNITS = 40;
const EPISODES = 100_000;
const LOG_ROWS = 10_000_000;
const AS_OF = "2026-11-22";
const CARE_MANAGERS = 5;
const GPS = 3;

const median = async (n: number, f: () => Promise<unknown>) => {
  const ms: number[] = [];
  for (let i = 0; i < n; i++) {
    const start = performance.now();
    await f();
    ms.push(performance.now() - start);
  }
  ms.sort((a, b) => a - b);
  return `median ${ms[Math.floor(n / 2)]!.toFixed(0)} ms (min ${ms[0]!.toFixed(0)}, max ${ms.at(-1)!.toFixed(0)})`;
};

async function main() {
  await withBenchDatabase(async (owner) => {
    const t0 = performance.now();
    await makeRegion(owner, { units: UNITS, episodes: EPISODES, contactsPerEpisode: 12, asOf: AS_OF });
    // Staff of each unit (care managers, GPs, a verksamhetschef); each episode gets a care manager and a GP.
    await owner.query(`
      CREATE TEMP TABLE staff AS
        SELECT u.n AS unit_n, u.id AS unit_id, k, gen_random_uuid() AS id,
               (CASE WHEN k < ${CARE_MANAGERS} THEN 'VARDSAMORDNARE'
                     WHEN k < ${CARE_MANAGERS + GPS} THEN 'ALLMANLAKARE' ELSE 'VERKSAMHETSCHEF' END)::"Role" AS role
        FROM units u CROSS JOIN generate_series(0, ${CARE_MANAGERS + GPS}) k;
      INSERT INTO app_user (id, username, display_name, role, password_hash, updated_at)
        SELECT id, 'bench-' || unit_n || '-' || k, 'Personal ' || unit_n || '-' || k, role, 'x', now() FROM staff;
      INSERT INTO unit_membership (user_id, unit_id) SELECT id, unit_id FROM staff;
      CREATE TEMP TABLE pe AS
        SELECT row_number() OVER (ORDER BY p.id) AS n, p.id AS patient_id, p.unit_id, e.id AS episode_id,
               (abs(hashtext(p.id::text)) % ${CARE_MANAGERS}) AS cm_k,
               ${CARE_MANAGERS} + (abs(hashtext(e.id::text)) % ${GPS}) AS gp_k
        FROM patient p JOIN episode e ON e.patient_id = p.id;
      UPDATE episode e SET care_manager_id = cm.id, gp_id = gp.id
        FROM pe JOIN units u ON u.id = pe.unit_id
             JOIN staff cm ON cm.unit_n = u.n AND cm.k = pe.cm_k
             JOIN staff gp ON gp.unit_n = u.n AND gp.k = pe.gp_k
        WHERE e.id = pe.episode_id;
      CREATE INDEX ON pe (n);
    `);
    console.log(`region made in ${((performance.now() - t0) / 1000).toFixed(0)} s`);

    // The log: a year of work, mostly weekdays 07–19 Stockholm time (UTC+1 in winter), 3 % at any hour;
    // half list reads, a third record reads, the rest writes; 80 % by the patient's care manager,
    // 15 % by its GP, 5 % by another colleague; 0.5 % refused. Inserted by the owner with the
    // server-time trigger off inside this one transaction, so the rows spread over the months.
    const t1 = performance.now();
    await owner.query(`
      BEGIN;
      SELECT access_log_parts.ensure_partitions(24, date '${AS_OF}' - 400);
      ALTER TABLE access_log DISABLE TRIGGER access_log_set_time;
      INSERT INTO access_log (at, user_id, username, unit_id, patient_id, action, target, refusal)
        SELECT t.at, s.id, 'bench', pe.unit_id, pe.patient_id,
               (CASE WHEN g % 10 = 0 THEN 'CREATE' WHEN g % 20 = 1 THEN 'UPDATE' ELSE 'READ' END)::"AccessAction",
               CASE WHEN g % 10 = 0 THEN 'contact:' || pe.episode_id
                    WHEN g % 2 = 0 THEN 'caseload'
                    ELSE 'episode:' || pe.episode_id || '?asOf=${AS_OF}' END,
               (CASE WHEN g % 200 = 7 THEN 'NOT_FOUND' END)::"AccessRefusal"
        FROM generate_series(1, ${LOG_ROWS}) g
        JOIN pe ON pe.n = 1 + (g::bigint * 7919) % ${EPISODES}
        JOIN units u ON u.id = pe.unit_id
        JOIN staff s ON s.unit_n = u.n AND s.k = CASE WHEN g % 100 < 80 THEN pe.cm_k
                                                      WHEN g % 100 < 95 THEN pe.gp_k
                                                      ELSE (g / 100) % ${CARE_MANAGERS + GPS} END
        CROSS JOIN LATERAL (
          SELECT CASE WHEN g % 100 < 3
                      THEN timestamptz '${AS_OF} 00:00+01' - make_interval(secs => (g::bigint * 104729) % (365 * 86400))
                      ELSE (d - CASE extract(isodow FROM d) WHEN 6 THEN 1 WHEN 7 THEN 2 ELSE 0 END)::timestamp
                           AT TIME ZONE 'Europe/Stockholm' + make_interval(secs => 25200 + (g::bigint * 7907) % 43200)
                 END AS at
          FROM (SELECT date '${AS_OF}' - 1 - (g % 365)::int AS d) day
        ) t;
      ALTER TABLE access_log ENABLE TRIGGER access_log_set_time;
      COMMIT;
    `);
    await owner.query("VACUUM ANALYZE");
    const { rows: size } = await owner.query<{ rows: string; partitions: string; bytes: string }>(`
      SELECT (SELECT count(*) FROM access_log) AS rows,
             (SELECT count(*) FROM pg_inherits WHERE inhparent = 'access_log'::regclass) AS partitions,
             pg_size_pretty((SELECT sum(pg_total_relation_size(inhrelid)) FROM pg_inherits
                             WHERE inhparent = 'access_log'::regclass)) AS bytes`);
    console.log(
      `access log: ${size[0]!.rows} rows in ${size[0]!.partitions} monthly partitions, ${size[0]!.bytes}, ` +
        `made in ${((performance.now() - t1) / 1000).toFixed(0)} s`,
    );

    // The verksamhetschef of the first unit.
    const { rows: chefRow } = await owner.query<{ id: string; unit_id: string; username: string }>(
      `SELECT id, unit_id, 'bench-1-' || k AS username FROM staff WHERE unit_n = 1 AND role = 'VERKSAMHETSCHEF'`,
    );
    const unitId = chefRow[0]!.unit_id;
    const chef = {
      userId: chefRow[0]!.id,
      username: chefRow[0]!.username,
      role: "VERKSAMHETSCHEF" as const,
      unitIds: [unitId],
      credential: { kind: "session" as const, sessionId: "00000000-0000-4000-8000-0000000000c1" },
      requestId: "00000000-0000-4000-8000-0000000000c2",
    };
    const { rows: busiest } = await owner.query<{ patient_id: string; n: string }>(
      `SELECT patient_id, count(*) AS n FROM access_log WHERE unit_id = $1 AND at >= date '${AS_OF}' - 365
       GROUP BY patient_id ORDER BY count(*) DESC LIMIT 1`,
      [unitId],
    );
    const { rows: cmRow } = await owner.query<{ id: string; n: string }>(
      `SELECT s.id, (SELECT count(*) FROM access_log l WHERE l.user_id = s.id) AS n
       FROM staff s WHERE unit_n = 1 AND k = 0`,
    );
    const patientId = busiest[0]!.patient_id;
    const year = { from: "2025-11-23", to: AS_OF };
    const { searchAccessLog } = await import("@/modules/access-review/lib/search-access-log");
    const { getReviewSelection } = await import("@/modules/access-review/lib/review-selection");
    const { getLogExtract } = await import("@/modules/access-review/lib/log-extract");
    const { getUnitReport } = await import("@/modules/reports/lib/unit-report");

    const byPatient = () => searchAccessLog({ actor: chef, search: { patientIds: [patientId], ...year } });
    console.log(
      `\nLoggkontroll, one patient (${busiest[0]!.n} rows in the year), first page: ${await median(9, byPatient)}`,
    );
    const byUser = () => searchAccessLog({ actor: chef, search: { userId: cmRow[0]!.id, ...year } });
    console.log(
      `Loggkontroll, one care manager (${cmRow[0]!.n} rows), first page: ${await median(9, byUser)}`,
    );
    // Page 20 of the user's log: the keyset cursor of page 19's last row.
    let before: string | undefined;
    for (let p = 0; p < 19; p++) {
      const page = await searchAccessLog({ actor: chef, search: { userId: cmRow[0]!.id, ...year, before } });
      before = page.next ?? undefined;
    }
    console.log(
      `Loggkontroll, the same user, page 20: ${await median(9, () =>
        searchAccessLog({ actor: chef, search: { userId: cmRow[0]!.id, ...year, before } }),
      )}`,
    );
    const updates = () =>
      searchAccessLog({ actor: chef, search: { userId: cmRow[0]!.id, ...year, action: "UPDATE" } });
    console.log(`Loggkontroll, the same user, changes only: ${await median(9, updates)}`);

    const selection = await getReviewSelection({ actor: chef, unitId, month: "2026-10" });
    console.log(
      `Granskning, one unit, October: ${selection.items.length} accesses picked ` +
        `(${selection.byReason.map((r) => `${r.reason} ${r.count}`).join(", ")}); ` +
        (await median(5, () => getReviewSelection({ actor: chef, unitId, month: "2026-10" }))),
    );
    const extract = await getLogExtract({ actor: chef, patientIds: [patientId], ...year, format: "csv" });
    console.log(
      `Logglista, the busiest patient, a year (${extract.rows.length} rows): ` +
        (await median(5, () =>
          getLogExtract({ actor: chef, patientIds: [patientId], ...year, format: "csv" }),
        )),
    );
    const { periodOf } = await import("@/modules/reports/rules/period");
    const report = () => getUnitReport({ actor: chef, unitId, period: periodOf("12m", AS_OF), today: AS_OF });
    console.log(`Uppföljning, one unit, the last 12 months: ${await median(7, report)}`);

    await printPlan(
      owner,
      "Loggkontroll by patient, first page",
      `SELECT * FROM access_log WHERE patient_id = ANY($1::uuid[]) AND unit_id = ANY($2::uuid[])
         AND at >= $3 AND at < $4 ORDER BY at DESC, id DESC LIMIT 51`,
      [[patientId], [unitId], "2025-11-23", "2026-11-23"],
    );
    await printPlan(
      owner,
      "Granskning, a unit's month",
      `SELECT id FROM access_log WHERE unit_id = $1 AND at >= $2 AND at < $3
         AND ((patient_id IS NOT NULL AND coalesce(target, '') !~ '^(caseload)') OR refusal IS NOT NULL)`,
      [unitId, "2026-10-01", "2026-11-01"],
    );
  });
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
