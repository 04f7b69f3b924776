// Benchmark: the review list at region scale (about 100 000 episodes and
// 1.2 million contacts across 40 units) on a throw-away embedded PostgreSQL.
// Run: npm run bench:review-list   (takes a few minutes; prints figures)
import { performance } from "node:perf_hooks";
import type pg from "pg";
import { makeRegion } from "./region";
import { printPlan, withBenchDatabase } from "./support";

const UNITS = 40;
const EPISODES = 100_000;
const CONTACTS_PER_EPISODE = 12;
const AS_OF = "2026-11-22";

/** Each one-episode use case once, as a care manager and a GP of one unit would call them. */
async function exerciseOneEpisode(owner: pg.Client, unitId: string) {
  const { rows } = await owner.query<{ id: string; patient_id: string; personnummer: string }>(
    `SELECT e.id, e.patient_id, p.personnummer FROM episode e JOIN patient p ON p.id = e.patient_id
     WHERE p.unit_id = $1 AND e.closed_date IS NULL LIMIT 1`,
    [unitId],
  );
  const episode = rows[0]!;
  await owner.query(
    `INSERT INTO app_user (id, username, display_name, role, password_hash, updated_at)
       VALUES ('00000000-0000-4000-8000-000000000002', 'bench-cm', 'Bench', 'VARDSAMORDNARE', 'x', now());
     INSERT INTO unit_membership (user_id, unit_id) VALUES ('00000000-0000-4000-8000-000000000002', '${unitId}')`,
  );
  const actor = {
    userId: "00000000-0000-4000-8000-000000000002",
    username: "bench-cm",
    role: "VARDSAMORDNARE" as const,
    unitIds: [unitId],
    credential: { kind: "session" as const, sessionId: "00000000-0000-4000-8000-0000000000b3" },
    requestId: "00000000-0000-4000-8000-0000000000b4",
  };
  const { getPatientRecord } = await import("@/modules/episodes/lib/get-patient-record");
  const { getPatient } = await import("@/modules/patients/lib/get-patient");
  const { findPatients } = await import("@/modules/patients/lib/find-patients");
  const { logContact } = await import("@/modules/contacts/lib/log-contact");
  const { requestReview } = await import("@/modules/flags/lib/request-review");
  const { openEpisode } = await import("@/modules/episodes/lib/open-episode");
  await getPatientRecord({ actor, episodeId: episode.id, asOf: AS_OF });
  await getPatient({ actor, patientId: episode.patient_id });
  await findPatients({ actor, personnummer: episode.personnummer });
  await logContact({
    actor,
    episodeId: episode.id,
    input: { date: AS_OF, type: "PHONE", counterpart: "PATIENT", reached: true },
  });
  await requestReview({ actor, episodeId: episode.id, question: "?" }).catch(() => undefined);
  await openEpisode({ actor, patientId: episode.patient_id, input: { startDate: AS_OF } }).catch(
    () => undefined,
  );
}

async function main() {
  await withBenchDatabase(async (owner) => {
    const t0 = performance.now();
    await makeRegion(owner, {
      units: UNITS,
      episodes: EPISODES,
      contactsPerEpisode: CONTACTS_PER_EPISODE,
      asOf: AS_OF,
    });
    // Vacuum now, so autovacuum does not wake up on the fresh tables in the middle of the timings.
    await owner.query("VACUUM ANALYZE");
    const counts = await owner.query<{ episodes: string; contacts: string; open: string }>(
      `SELECT (SELECT count(*) FROM episode) AS episodes, (SELECT count(*) FROM contact) AS contacts,
              (SELECT count(*) FROM episode WHERE closed_date IS NULL) AS open`,
    );
    console.log(
      `data: ${JSON.stringify(counts.rows[0])} in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
    );

    const { reviewList } = await import("@/modules/review/lib/review-list");
    const { rows: unitRows } = await owner.query<{ id: string }>("SELECT id FROM unit");
    const actor = {
      userId: "00000000-0000-4000-8000-000000000001",
      username: "bench-psykiater",
      role: "PSYKIATER" as const,
      unitIds: unitRows.map((u) => u.id),
      credential: { kind: "session" as const, sessionId: "00000000-0000-4000-8000-0000000000b1" },
      requestId: "00000000-0000-4000-8000-0000000000b2",
    };
    const times: number[] = [];
    let items = 0;
    for (let run = 0; run < 6; run++) {
      const start = performance.now();
      const list = await reviewList({ actor, asOf: AS_OF });
      times.push(performance.now() - start);
      items = list.items.length;
    }
    const warm = times.slice(1).sort((a, b) => a - b);
    console.log(
      `review list, all ${UNITS} units, asOf ${AS_OF}: ${items} items; first ${times[0]!.toFixed(0)} ms, ` +
        `warm median ${warm[Math.floor(warm.length / 2)]!.toFixed(0)} ms, min ${warm[0]!.toFixed(0)} ms, max ${warm.at(-1)!.toFixed(0)} ms`,
    );
    const one = await (async () => {
      const start = performance.now();
      const list = await reviewList({ actor, asOf: AS_OF, unitId: actor.unitIds[0] });
      return { ms: performance.now() - start, items: list.items.length };
    })();
    console.log(`review list, one unit: ${one.items} items in ${one.ms.toFixed(0)} ms`);

    // The header's counts for the psychiatrist of all units, on an access log of
    // two million rows (one in ten a write): computed once, then answered from the
    // cache after one probe per unit for the latest write.
    // By the owner with the server-time trigger off in that one transaction, so the rows spread over the months.
    await owner.query(`
      BEGIN;
      SELECT access_log_parts.ensure_partitions(24, (now() - interval '2000000 seconds')::date);
      ALTER TABLE access_log DISABLE TRIGGER access_log_set_time;
      INSERT INTO access_log (at, user_id, unit_id, action, target)
        SELECT now() - make_interval(secs => g), '00000000-0000-4000-8000-000000000001',
               (SELECT id FROM units WHERE n = 1 + g % ${UNITS}),
               (CASE WHEN g % 10 = 0 THEN 'CREATE' ELSE 'READ' END)::"AccessAction", 'bench'
        FROM generate_series(1, 2000000) g;
      ALTER TABLE access_log ENABLE TRIGGER access_log_set_time;
      COMMIT`);
    await owner.query("VACUUM ANALYZE access_log");
    const { getAttention, clearAttentionCache, changeStamp } =
      await import("@/modules/attention/lib/attention");
    const timed = async (n: number, f: () => Promise<unknown>) => {
      const ms: number[] = [];
      for (let i = 0; i < n; i++) {
        const start = performance.now();
        await f();
        ms.push(performance.now() - start);
      }
      return ms.sort((a, b) => a - b)[Math.floor(n / 2)]!.toFixed(1);
    };
    const waiting = await getAttention(actor);
    const cold = await timed(5, () => (clearAttentionCache(), getAttention(actor)));
    const cached = await timed(50, () => getAttention(actor));
    const stamp = await timed(50, () => changeStamp(actor.unitIds));
    console.log(
      `header counts, psychiatrist of ${UNITS} units (${waiting.map((c) => `${c.count} ${c.label}`).join(", ")}): ` +
        `computed median ${cold} ms, cached median ${cached} ms (change stamp alone ${stamp} ms)`,
    );

    // Uppföljning: one unit's report for the twelve months up to AS_OF (about 2 500 episodes of the unit).
    await owner.query(
      `INSERT INTO app_user (id, username, display_name, role, password_hash, updated_at)
         VALUES ('00000000-0000-4000-8000-000000000003', 'bench-chef', 'Bench', 'VERKSAMHETSCHEF', 'x', now())`,
    );
    await owner.query(
      "INSERT INTO unit_membership (user_id, unit_id) VALUES ('00000000-0000-4000-8000-000000000003', $1)",
      [actor.unitIds[0]],
    );
    const chef = {
      ...actor,
      userId: "00000000-0000-4000-8000-000000000003",
      username: "bench-chef",
      role: "VERKSAMHETSCHEF" as const,
      unitIds: [actor.unitIds[0]!],
    };
    const { getUnitReport } = await import("@/modules/reports/lib/unit-report");
    const { periodOf } = await import("@/modules/reports/rules/period");
    const year = periodOf("12m", AS_OF);
    const report = await getUnitReport({ actor: chef, unitId: chef.unitIds[0]!, period: year, today: AS_OF });
    const reportMs = await timed(7, () =>
      getUnitReport({ actor: chef, unitId: chef.unitIds[0]!, period: year, today: AS_OF }),
    );
    console.log(
      `Uppföljning, one unit, ${year.from} – ${year.to}: ${report.unit.episodes} episodes counted, ` +
        `${report.careManagers.length} care managers; median ${reportMs} ms`,
    );

    // The plans behind those figures: the pre-filter, and the facts of one batch.
    const { candidateQuery } = await import("@/modules/review/lib/review-list");
    const { loadRuleSettings } = await import("@/modules/episodes/lib/facts");
    const { systemDb } = await import("@/lib/db/client");
    const explain = (label: string, text: string, values: unknown[]) => printPlan(owner, label, text, values);
    const all = await loadRuleSettings(systemDb(), actor.unitIds, AS_OF);
    const q = candidateQuery(all, AS_OF);
    await explain("pre-filter, all units", q.text, q.values);
    const oneUnit = new Map([[actor.unitIds[0]!, all.get(actor.unitIds[0]!)!]]);
    const q1 = candidateQuery(oneUnit, AS_OF);
    await explain("pre-filter, one unit", q1.text, q1.values);
    const { changeStampSql } = await import("@/modules/attention/lib/attention");
    const stampSql = changeStampSql(actor.unitIds);
    await explain(`the header's change stamp, ${UNITS} units`, stampSql.text, stampSql.values);
    const { rows: batch } = await owner.query<{ id: string }>(
      "SELECT id FROM episode WHERE closed_date IS NULL LIMIT 2000",
    );
    await explain(
      "contacts of 2 000 episodes up to asOf (the facts loader)",
      `SELECT id, episode_id, date, recorded_at, counterpart, reached, item1, item2, item3, item4, item5, item6, item7, item8, item9
       FROM contact WHERE episode_id = ANY($1::uuid[]) AND date <= $2::date`,
      [batch.map((b) => b.id), AS_OF],
    );

    // Which indexes the app's queries use: the statistics after the runs above
    // and a round of one-episode use cases (reads and writes).
    await exerciseOneEpisode(owner, actor.unitIds[0]!);
    // A backend flushes its statistics when it ends: close the app's pool, then read them.
    const { disconnectDb: closePool } = await import("@/lib/db/client");
    await closePool();
    await new Promise((r) => setTimeout(r, 1_000));
    const { rows: usage } = await owner.query<{ index: string; table: string; scans: string }>(
      `SELECT indexrelname AS index, relname AS table, idx_scan AS scans FROM pg_stat_user_indexes
       WHERE relname NOT IN ('_prisma_migrations', 'login_throttle', 'session', 'api_token', 'access_log')
       ORDER BY relname, indexrelname`,
    );
    console.log("\nindex use (scans since the database started):");
    for (const u of usage) console.log(`  ${u.scans.padStart(9)}  ${u.table}.${u.index}`);
  });
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
