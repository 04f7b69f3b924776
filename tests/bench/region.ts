// A region's data for the benchmarks, made in PostgreSQL by the owner: units,
// one psychiatrist serving them all, a patient per episode, episodes over
// three years (most closed after ~90 days), and weekly scored contacts with
// a course of their own. Leaves the temp tables `units` (id, n) and `course`.
import type pg from "pg";

export async function makeRegion(
  owner: pg.Client,
  {
    units,
    episodes,
    contactsPerEpisode,
    asOf,
  }: { units: number; episodes: number; contactsPerEpisode: number; asOf: string },
) {
  await owner.query(`
      INSERT INTO unit (id, name) SELECT gen_random_uuid(), 'Vårdcentral ' || g FROM generate_series(1, ${units}) g;
      INSERT INTO app_user (id, username, display_name, role, password_hash, updated_at)
        VALUES ('00000000-0000-4000-8000-000000000001', 'bench-psykiater', 'Bench', 'PSYKIATER', 'x', now());
      INSERT INTO unit_membership (user_id, unit_id) SELECT '00000000-0000-4000-8000-000000000001', id FROM unit;
      CREATE TEMP TABLE units AS SELECT id, row_number() OVER () AS n FROM unit;
      INSERT INTO patient (id, unit_id, personnummer, given_name, family_name, created_by_id)
        SELECT gen_random_uuid(), (SELECT id FROM units WHERE n = 1 + g % ${units}), lpad(g::text, 12, '0'), 'P', 'B',
               '00000000-0000-4000-8000-000000000001'
        FROM generate_series(1, ${episodes}) g;
      -- Start dates spread over three years; episodes older than ~100 days are
      -- closed, except 2 % left open (forgotten patients: INACTIVE, 12 weeks).
      INSERT INTO episode (id, patient_id, start_date, status, closed_date, version, created_by_id)
        SELECT gen_random_uuid(), id, start,
               CASE WHEN closed THEN 'COMPLETED'::"EpisodeStatus" ELSE 'ACTIVE' END,
               CASE WHEN closed THEN start + 90 END, 1, created_by_id
        FROM (SELECT y.*, y.start < date '${asOf}' - 100 AND random() > 0.02 AS closed
              FROM (SELECT p.id, p.created_by_id, date '${asOf}' - (random() * 1095)::int AS start FROM patient p) y) x;
      -- Each episode has its own level and course: 60 % respond, 25 % partly, 15 % not.
      CREATE TEMP TABLE course AS
        SELECT e.id, e.start_date, e.created_by_id, 2.4 + random() * 1.6 AS level,
               CASE WHEN r < 0.60 THEN 0.65 WHEN r < 0.85 THEN 0.35 ELSE 0.08 END AS fall
        FROM episode e CROSS JOIN LATERAL (SELECT random() + 0 * length(e.id::text) AS r) x;
      INSERT INTO contact (id, episode_id, date, type, reached, item1, item2, item3, item4, item5, item6, item7, item8, item9, madrs_total, author_id)
        SELECT gen_random_uuid(), id, date, 'PHONE', true,
               i[1], i[2], i[3], i[4], i[5], i[6], i[7], i[8], i[9],
               i[1] + i[2] + i[3] + i[4] + i[5] + i[6] + i[7] + i[8] + i[9], created_by_id
        FROM (
          SELECT c.id, c.created_by_id, c.start_date + 7 * k AS date,
                 ARRAY(SELECT least(6, greatest(0, round(c.level * (1 - c.fall * k / 11.0) + random() - 0.5
                                                          + CASE WHEN q = 9 AND random() < 0.004 THEN 3 ELSE 0 END)))::int
                       FROM generate_series(1, 9) q) AS i
          FROM course c CROSS JOIN generate_series(0, ${contactsPerEpisode - 1}) k
          WHERE c.start_date + 7 * k <= date '${asOf}'
        ) rows;
    `);
}
