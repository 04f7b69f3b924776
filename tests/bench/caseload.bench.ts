// Benchmark: the care manager's caseload ("Mina patienter"), start page and
// flagged patients for a unit with 200 open and 2 000 closed episodes, among
// 19 other units like it (44 000 episodes, about half a million contacts), on a
// throw-away embedded PostgreSQL. Server time of the use case: queries, the
// clinical core for every row, and the access-log rows.
// Run: npm run bench:caseload   (about a minute; prints figures)
import { performance } from "node:perf_hooks";
import { printPlan, withBenchDatabase } from "./support";

const UNITS = 20;
const OPEN_PER_UNIT = 200;
const CLOSED_PER_UNIT = 2_000;
const AS_OF = "2026-12-02";
const CM = "00000000-0000-4000-8000-0000000000c1";
const GP = "00000000-0000-4000-8000-0000000000c2";
const RUNS = Number(process.env.RUNS ?? 31);

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function time(label: string, run: () => Promise<{ rows: number }>) {
  const times: number[] = [];
  let rows = 0;
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    rows = (await run()).rows;
    times.push(performance.now() - start);
  }
  const warm = times.slice(1).sort((a, b) => a - b);
  const p90 = warm[Math.floor(warm.length * 0.9)]!;
  console.log(
    `${label}: ${rows} rows; first ${times[0]!.toFixed(0)} ms, warm median ${median(warm).toFixed(1)} ms ` +
      `(min ${warm[0]!.toFixed(1)}, p90 ${p90.toFixed(1)}, ${warm.length} runs)`,
  );
}

async function main() {
  await withBenchDatabase(async (owner) => {
    const t0 = performance.now();
    await owner.query(`
      INSERT INTO unit (id, name) SELECT gen_random_uuid(), 'Vårdcentral ' || g FROM generate_series(1, ${UNITS}) g;
      CREATE TEMP TABLE units AS SELECT id, row_number() OVER () AS n FROM unit;
      INSERT INTO app_user (id, username, display_name, role, password_hash, updated_at) VALUES
        ('${CM}', 'bench-cm', 'Bench Samordnare', 'VARDSAMORDNARE', 'x', now()),
        ('${GP}', 'bench-gp', 'Bench Läkare', 'ALLMANLAKARE', 'x', now());
      INSERT INTO unit_membership (user_id, unit_id) SELECT u, (SELECT id FROM units WHERE n = 1) FROM unnest(ARRAY['${CM}', '${GP}']::uuid[]) u;
      INSERT INTO patient (id, unit_id, personnummer, given_name, family_name, created_by_id)
        SELECT gen_random_uuid(), (SELECT id FROM units WHERE n = 1 + g % ${UNITS}), lpad(g::text, 12, '0'),
               'Förnamn' || g, 'Efternamn' || g, '${CM}'
        FROM generate_series(1, ${UNITS * (OPEN_PER_UNIT + CLOSED_PER_UNIT)}) g;
      -- Per unit: 200 open episodes started in the last 16 weeks, 2 000 closed ones over three years.
      INSERT INTO episode (id, patient_id, start_date, status, closed_date, version, care_manager_id, gp_id, created_by_id)
        SELECT gen_random_uuid(), id, start,
               CASE WHEN open THEN 'ACTIVE' ELSE 'COMPLETED' END::"EpisodeStatus",
               CASE WHEN open THEN NULL ELSE start + 90 END, 1, '${CM}', '${GP}', '${CM}'
        FROM (SELECT p.id, rn <= ${OPEN_PER_UNIT} AS open,
                     CASE WHEN rn <= ${OPEN_PER_UNIT} THEN date '${AS_OF}' - (random() * 112)::int
                          ELSE date '${AS_OF}' - 120 - (random() * 975)::int END AS start
              FROM (SELECT id, row_number() OVER (PARTITION BY unit_id) AS rn FROM patient) p) x;
      -- A reached phone call with MADRS-S each week (the first a physical meeting), a next call planned.
      INSERT INTO contact (id, episode_id, date, type, reached, item1, item2, item3, item4, item5, item6, item7, item8, item9,
                           madrs_total, next_planned_date, note, author_id)
        SELECT gen_random_uuid(), id, date, CASE WHEN k = 0 THEN 'IN_PERSON' ELSE 'PHONE' END::"ContactType", true,
               i[1], i[2], i[3], i[4], i[5], i[6], i[7], i[8], i[9], i[1] + i[2] + i[3] + i[4] + i[5] + i[6] + i[7] + i[8] + i[9],
               date + 7, 'Samtal om sömn, aktivitet och mående. ' || repeat('Anteckning. ', 10), '${CM}'
        FROM (SELECT e.id, k, e.start_date + 7 * k AS date,
                     ARRAY(SELECT least(6, greatest(0, round(3.2 - 0.15 * k + random() * 1.5 - 0.75)))::int
                           FROM generate_series(1, 9) q) AS i
              FROM episode e CROSS JOIN generate_series(0, 11) k
              WHERE e.start_date + 7 * k <= date '${AS_OF}' AND (e.closed_date IS NULL OR e.start_date + 7 * k <= e.closed_date)) c;
    `);
    // Vacuum now, so autovacuum does not wake up on the fresh tables in the middle of the timings.
    await owner.query("VACUUM ANALYZE");
    const counts = await owner.query<{ episodes: string; open: string; contacts: string }>(
      `SELECT (SELECT count(*) FROM episode) AS episodes, (SELECT count(*) FROM episode WHERE closed_date IS NULL) AS open,
              (SELECT count(*) FROM contact) AS contacts`,
    );
    console.log(
      `data: ${JSON.stringify(counts.rows[0])} in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
    );

    const { rows: unit } = await owner.query<{ id: string }>("SELECT id FROM units WHERE n = 1");
    const actor = (userId: string, role: "VARDSAMORDNARE" | "ALLMANLAKARE") => ({
      userId,
      username: role,
      role,
      unitIds: [unit[0]!.id],
      credential: { kind: "session" as const, sessionId: "00000000-0000-4000-8000-0000000000b1" },
      requestId: "00000000-0000-4000-8000-0000000000b2",
    });
    const cm = actor(CM, "VARDSAMORDNARE");
    const { getCaseload } = await import("@/modules/caseload/lib/get-caseload");
    const { getTodayWork } = await import("@/modules/caseload/lib/get-today");
    const { getFlaggedPatients } = await import("@/modules/caseload/lib/get-flagged");
    const { parseCaseloadQuery } = await import("@/modules/caseload/rules/caseload-query");

    await time("caseload, my 200 patients", async () => {
      const r = await getCaseload({ actor: cm, query: parseCaseloadQuery({}), asOf: AS_OF });
      return { rows: r.rows.length };
    });
    await time("caseload, whole unit, sorted by week, one flag", async () => {
      const q = parseCaseloadQuery({ vy: "enheten", sortera: "vecka", flagga: "OVERDUE_CONTACT" });
      return { rows: (await getCaseload({ actor: cm, query: q, asOf: AS_OF })).rows.length };
    });
    await time("start page (today's work)", async () => {
      const r = await getTodayWork({ actor: cm, today: AS_OF });
      return { rows: r.shown.length };
    });
    await time("flagged patients, GP", async () => {
      const r = await getFlaggedPatients({ actor: actor(GP, "ALLMANLAKARE"), scope: "mina", asOf: AS_OF });
      return { rows: r.flags.length };
    });

    // The plan of the list's first query (as Prisma sends it: episodes joined to their patients' unit).
    await printPlan(
      owner,
      "open episodes of my unit where I am the care manager",
      `SELECT e.id FROM episode e WHERE e.closed_date IS NULL AND e.care_manager_id = $2
         AND e.patient_id IN (SELECT p.id FROM patient p WHERE p.unit_id = ANY($1::uuid[]))`,
      [[unit[0]!.id], CM],
    );
  });
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
