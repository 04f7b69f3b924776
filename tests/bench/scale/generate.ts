// A region's (or a nation's) data, made in PostgreSQL by the schema's owner:
// units, their staff and psychiatrists, ten years of patients and episodes
// with realistic courses, their contacts (calls, attempts, physical meetings,
// video, contacts with other actors, self-reports through a link), status
// changes, flag handlings, review requests, monthly consultation visits with
// recommendations and their receipts, and an access log spread over the months.
//
// Deterministic: every choice comes from a hash of the row's number and the
// seed (hashint8extended), never from random(), and every id is an md5 of its
// kind and number shaped as a version-4 UUID; the same seed and anchor date
// give the same rows, whatever the plan or the number of workers.
//
// Bulk, in the server: each table is one INSERT … SELECT over generate_series,
// which loads like COPY without shipping a row over the wire (a region in a
// few minutes on two cores). The access log's rows carry their own times, so
// its server-time trigger is switched off inside each of the generator's own
// transactions only (ALTER TABLE is transactional): no other writer ever sees
// it off.
import { performance } from "node:perf_hooks";
import type pg from "pg";

export type Scale = {
  name: string;
  units: number;
  /** Episodes over the ten years (first episodes plus returning patients' second ones). */
  episodes: number;
  accessLogRows: number;
  seed: number;
};

export const SCALES: Record<"tiny" | "region" | "nation", Scale> = {
  /** For the generator's own test: a few seconds. */
  tiny: { name: "tiny", units: 4, episodes: 2_000, accessLogRows: 20_000, seed: 11 },
  region: { name: "region", units: 200, episodes: 100_000, accessLogRows: 10_000_000, seed: 11 },
  nation: { name: "nation", units: 1_200, episodes: 600_000, accessLogRows: 60_000_000, seed: 11 },
};

/** The password of every generated user (argon2 hash made once by the caller). */
export const BENCH_PASSWORD = "samvard-bench";

/** Ten years of data, up to the anchor date. */
const YEARS = 10;
/** Of every 108 episodes, 8 are a returning patient's second episode. */
const RETURNING_SHARE = 8 / 108;

// Everyone's id, from their kind and number: the benchmark and its SQL find them without a lookup.
export const benchIds = {
  unit: (u: number) => md5Uuid(`unit${u}`),
  careManager: (u: number, k: number) => md5Uuid(`cm${u * 10 + k}`),
  gp: (u: number, k: number) => md5Uuid(`gp${u * 10 + k}`),
  chef: (u: number) => md5Uuid(`chef${u}`),
  psychiatrist: (p: number) => md5Uuid(`psy${p}`),
};
export const benchUsernames = {
  careManager: (u: number, k: number) => `samordnare.${u}.${k}`,
  gp: (u: number, k: number) => `lakare.${u}.${k}`,
  chef: (u: number) => `chef.${u}`,
  psychiatrist: (p: number) => `psykiater.${p}`,
};
/** Units per psychiatrist: each consultant psychiatrist serves ten vårdcentraler. */
export const UNITS_PER_PSYCHIATRIST = 10;

import { createHash } from "node:crypto";
function md5Uuid(key: string): string {
  const h = createHash("md5").update(key).digest("hex").split("");
  h[12] = "4";
  h[16] = "8";
  const s = h.join("");
  return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
}

/** The SQL helpers of one generation, in the session's temporary schema. */
const HELPERS = (seed: number) => `
  SET max_parallel_workers_per_gather = 0;
  -- A number in [0, 1) from a row's number and a purpose: the same every time.
  CREATE FUNCTION pg_temp.r(n bigint, purpose int) RETURNS float8 LANGUAGE sql IMMUTABLE AS
    $$ SELECT (hashint8extended(n, ${seed} * 1000 + purpose) & 4503599627370495)::float8 / 4503599627370496.0 $$;
  CREATE FUNCTION pg_temp.uid(kind text, n bigint) RETURNS uuid LANGUAGE sql IMMUTABLE AS
    $$ SELECT overlay(overlay(md5(kind || n) placing '4' from 13) placing '8' from 17)::uuid $$;
  CREATE FUNCTION pg_temp.pick(a text[], n bigint, purpose int) RETURNS text LANGUAGE sql IMMUTABLE AS
    $$ SELECT a[1 + floor(pg_temp.r(n, purpose) * array_length(a, 1))::int] $$;
  -- The Luhn check digit of a personnummer's last ten digits but one.
  CREATE FUNCTION pg_temp.luhn(d text) RETURNS int LANGUAGE sql IMMUTABLE AS $$
    SELECT (10 - sum(CASE WHEN i % 2 = 1 THEN (2 * x) / 10 + (2 * x) % 10 ELSE x END) % 10) % 10
    FROM (SELECT i, substr(d, i, 1)::int AS x FROM generate_series(1, 9) i) s $$;
`;

const GIVEN = `ARRAY['Anna','Eva','Maria','Karin','Sara','Lena','Emma','Kerstin','Ingrid','Marie','Johanna','Elin','Lars','Erik','Anders','Johan','Karl','Per','Mikael','Peter','Jan','Fredrik','Ali','Fatima','Mohammed','Amina','Nils','Linnea','Oskar','Hanna']`;
const FAMILY = `ARRAY['Andersson','Johansson','Karlsson','Nilsson','Eriksson','Larsson','Olsson','Persson','Svensson','Gustafsson','Pettersson','Jonsson','Jansson','Hansson','Bengtsson','Lindberg','Lindqvist','Berg','Axelsson','Hassan','Ahmed','Lundgren','Holm','Sandberg','Forsberg']`;
const PLACES = `ARRAY['Kungshöjd','Bergsjön','Angered','Lundby','Majorna','Hisingen','Frölunda','Kortedala','Biskopsgården','Torslanda','Askim','Mölndal','Partille','Kungälv','Lerum','Alingsås','Borås','Trollhättan','Uddevalla','Skövde']`;

/**
 * The episodes' plan, one row each: start, course, when it ends (as of the
 * anchor: open when that lies ahead), its staff. `kind`: 1 responds (relapse
 * prevention from about week 12, completed months later), 2 responds partly,
 * 3 does not respond (deactivated and referred), 4 drops out; `forgotten`
 * episodes are never closed and their calls stop after a few weeks.
 */
const coursePlan = (source: string) => `
  SELECT s.en, s.pn, s.unit, s.start, c.kind, c.forgotten,
         CASE WHEN c.kind = 1 THEN s.start + 84 + floor(pg_temp.r(s.en, 4) * 14)::int END AS rp_date,
         s.start + CASE c.kind WHEN 1 THEN 174 + floor(pg_temp.r(s.en, 5) * 60)::int
                               WHEN 2 THEN 90 + floor(pg_temp.r(s.en, 5) * 50)::int
                               WHEN 3 THEN 60 + floor(pg_temp.r(s.en, 5) * 60)::int
                               ELSE 14 + floor(pg_temp.r(s.en, 5) * 40)::int END AS planned_end,
         -- Baseline total about 16–40, and how far it falls by week 12.
         16 + pg_temp.r(s.en, 6) * 24 AS baseline,
         CASE c.kind WHEN 1 THEN 0.55 + pg_temp.r(s.en, 7) * 0.3 WHEN 2 THEN 0.25 + pg_temp.r(s.en, 7) * 0.2
                     WHEN 3 THEN -0.15 + pg_temp.r(s.en, 7) * 0.25 ELSE 0.1 END AS fall,
         1 + floor(pg_temp.r(s.en, 8) * 3)::int AS cm_k,
         1 + floor(pg_temp.r(s.en, 9) * 5)::int AS gp_k,
         pg_temp.r(s.en, 10) < 0.3 AS sick_listed
  FROM ${source} s
  CROSS JOIN LATERAL (SELECT CASE WHEN pg_temp.r(s.en, 2) < 0.55 THEN 1 WHEN pg_temp.r(s.en, 2) < 0.80 THEN 2
                                  WHEN pg_temp.r(s.en, 2) < 0.92 THEN 3 ELSE 4 END AS kind,
                             pg_temp.r(s.en, 3) < 0.015 AS forgotten) c`;

type Step = { label: string; sql: string };

function steps(scale: Scale, anchor: string): Step[] {
  const U = scale.units;
  const E = scale.episodes;
  const P = Math.round(E / (1 + RETURNING_SHARE));
  const returning = E - P;
  const PSY = Math.ceil(U / UNITS_PER_PSYCHIATRIST);
  const days = YEARS * 365;
  const from = `(date '${anchor}' - ${days})`;
  return [
    {
      label: "units, staff, psychiatrists, settings",
      sql: `
        INSERT INTO unit (id, name, phone, address, created_at)
          SELECT pg_temp.uid('unit', u), 'Vårdcentralen ' || pg_temp.pick(${PLACES}, u, 20) || ' ' || u,
                 '0' || (10 + u % 80) || '-' || lpad((100000 + u * 37 % 900000)::text, 6, '0'),
                 'Storgatan ' || u || ', ' || pg_temp.pick(${PLACES}, u, 20), ${from}::timestamptz
          FROM generate_series(1, ${U}) u;
        CREATE TEMP TABLE g_user AS
          SELECT pg_temp.uid('cm', u * 10 + k) AS id, 'samordnare.' || u || '.' || k AS username,
                 'VARDSAMORDNARE'::"Role" AS role, u, u * 10 + k AS n FROM generate_series(1, ${U}) u, generate_series(1, 3) k
          UNION ALL
          SELECT pg_temp.uid('gp', u * 10 + k), 'lakare.' || u || '.' || k, 'ALLMANLAKARE', u, 100000 + u * 10 + k
          FROM generate_series(1, ${U}) u, generate_series(1, 5) k
          UNION ALL
          SELECT pg_temp.uid('chef', u), 'chef.' || u, 'VERKSAMHETSCHEF', u, 200000 + u FROM generate_series(1, ${U}) u
          UNION ALL
          SELECT pg_temp.uid('psy', p), 'psykiater.' || p, 'PSYKIATER', NULL, 300000 + p FROM generate_series(1, ${PSY}) p;
        INSERT INTO app_user (id, username, display_name, role, password_hash, created_at, updated_at)
          SELECT id, username, pg_temp.pick(${GIVEN}, n, 21) || ' ' || pg_temp.pick(${FAMILY}, n, 22), role,
                 :'hash', ${from}::timestamptz, ${from}::timestamptz
          FROM g_user;
        INSERT INTO unit_membership (user_id, unit_id, created_at)
          SELECT id, pg_temp.uid('unit', u), ${from}::timestamptz FROM g_user WHERE u IS NOT NULL
          UNION ALL
          SELECT pg_temp.uid('psy', p), pg_temp.uid('unit', u), ${from}::timestamptz
          FROM generate_series(1, ${PSY}) p, generate_series(1, ${U}) u WHERE (u - 1) / ${UNITS_PER_PSYCHIATRIST} + 1 = p;
        -- One unit in ten changed its rules two years ago (a contact every three weeks, stricter worsening).
        INSERT INTO unit_settings (id, unit_id, valid_from, created_by_id, created_at, overdue_contact_days, worsening_points)
          SELECT pg_temp.uid('settings', u), pg_temp.uid('unit', u), date '${anchor}' - 730, pg_temp.uid('chef', u),
                 (date '${anchor}' - 740)::timestamptz, 21, 4
          FROM generate_series(1, ${U}) u WHERE u % 10 = 3;`,
    },
    {
      label: `patients (${P})`,
      sql: `
        INSERT INTO patient (id, unit_id, personnummer, given_name, family_name, phone, created_at, created_by_id)
          SELECT pg_temp.uid('patient', n), pg_temp.uid('unit', 1 + (n - 1) % ${U}),
                 pnr || pg_temp.luhn(substr(pnr, 3)), pg_temp.pick(${GIVEN}, n, 23), pg_temp.pick(${FAMILY}, n, 24),
                 CASE WHEN pg_temp.r(n, 25) < 0.8 THEN '07' || (n % 10) || '-' || lpad((n::bigint * 7919 % 10000000)::text, 7, '0') END,
                 ${from}::timestamptz, pg_temp.uid('cm', (1 + (n - 1) % ${U}) * 10 + 1)
          FROM (SELECT n, (1940 + n % 67)::text || lpad((1 + n % 12)::text, 2, '0') || lpad((1 + n % 28)::text, 2, '0')
                          || lpad((1 + n % 999)::text, 3, '0') AS pnr
                FROM generate_series(1, ${P}) n) x;`,
    },
    {
      label: `episodes (${E}, of which ${returning} a returning patient's second)`,
      sql: `
        -- First episodes: more each year as the model spreads (density rising
        -- linearly over the ten years); a returning patient's first in the first seven.
        CREATE TEMP TABLE g_start AS
          SELECT n AS en, n AS pn, 1 + (n - 1) % ${U} AS unit,
                 ${from} + CASE WHEN n <= ${returning} THEN floor(pg_temp.r(n, 1) * ${Math.round(days * 0.7)})::int
                                ELSE floor(sqrt(pg_temp.r(n, 1)) * ${days})::int END AS start
          FROM generate_series(1, ${P}) n;
        CREATE TEMP TABLE g_ep AS ${coursePlan("g_start")};
        -- Second episodes: a month to two years after the first one closed.
        CREATE TEMP TABLE g_start2 AS
          SELECT ${P} + e.pn AS en, e.pn, e.unit, e.planned_end + 30 + floor(pg_temp.r(e.pn, 11) * 700)::int AS start
          FROM g_ep e WHERE e.en <= ${returning} AND NOT e.forgotten;
        DELETE FROM g_start2 WHERE start >= date '${anchor}';
        INSERT INTO g_ep ${coursePlan("g_start2")};
        ALTER TABLE g_ep ADD COLUMN closed date, ADD COLUMN status "EpisodeStatus", ADD COLUMN active_end date;
        UPDATE g_ep SET
          closed = CASE WHEN NOT forgotten AND planned_end <= date '${anchor}' THEN planned_end END,
          status = CASE WHEN NOT forgotten AND planned_end <= date '${anchor}'
                          THEN (CASE WHEN kind IN (1, 2) THEN 'COMPLETED' ELSE 'DEACTIVATED' END)::"EpisodeStatus"
                        WHEN rp_date <= date '${anchor}' AND NOT forgotten THEN 'RELAPSE_PREVENTION'
                        ELSE 'ACTIVE' END,
          -- The last day with calls: the end, today, or a forgotten episode's last call.
          active_end = CASE WHEN forgotten THEN least(start + 21 + floor(pg_temp.r(en, 12) * 21)::int, date '${anchor}')
                            ELSE least(planned_end, date '${anchor}') END;
        CREATE INDEX ON g_ep (unit, start);
        CREATE INDEX ON g_ep (en);
        ANALYZE g_ep;
        INSERT INTO episode (id, patient_id, start_date, status, closed_date, care_manager_id, gp_id, diagnosis,
                             sick_leave_at_start, version, created_at, created_by_id)
          SELECT pg_temp.uid('episode', en), pg_temp.uid('patient', pn), start, status, closed,
                 pg_temp.uid('cm', unit * 10 + cm_k), pg_temp.uid('gp', unit * 10 + gp_k),
                 pg_temp.pick(ARRAY['F32.1','F32.0','F33.1','F41.1','F41.2','F43.2'], en, 13),
                 CASE WHEN sick_listed THEN (ARRAY[25, 50, 100, 100])[1 + floor(pg_temp.r(en, 14) * 4)::int] ELSE 0 END,
                 1 + coalesce(rp_date <= date '${anchor}' AND NOT forgotten, false)::int + (closed IS NOT NULL)::int,
                 start::timestamptz + interval '9 hours', pg_temp.uid('cm', unit * 10 + cm_k)
          FROM g_ep;
        INSERT INTO episode_status_change (id, episode_id, status, date, reason, plan, recorded_at, recorded_by_id)
          SELECT pg_temp.uid('rp', en), pg_temp.uid('episode', en), 'RELAPSE_PREVENTION', rp_date, NULL,
                 'Återfallsprevention: samtal var fjärde vecka, plan för tidiga tecken.',
                 rp_date::timestamptz + interval '10 hours', pg_temp.uid('cm', unit * 10 + cm_k)
          FROM g_ep WHERE rp_date <= date '${anchor}' AND NOT forgotten
          UNION ALL
          SELECT pg_temp.uid('close', en), pg_temp.uid('episode', en), status, closed,
                 CASE kind WHEN 1 THEN 'Remission, återfallsprevention genomförd.' WHEN 2 THEN 'Delvis förbättrad, åter till ordinarie vård.'
                           WHEN 3 THEN 'Utebliven respons, remitterad till psykiatrin.' ELSE 'Patienten avbröt.' END,
                 NULL, closed::timestamptz + interval '11 hours', pg_temp.uid('cm', unit * 10 + cm_k)
          FROM g_ep WHERE closed IS NOT NULL;`,
    },
    {
      label: "contacts",
      sql: `
        -- Week 0 to 12 about weekly, then every fourth week in relapse
        -- prevention; one call in ten an attempt; two physical meetings
        -- (week 0 and about week 6), video for some, the rest by phone.
        CREATE TEMP TABLE g_contact AS
          SELECT e.en, k, e.en * 32 + k AS cn, e.unit, e.cm_k, e.kind, e.baseline, e.fall, e.sick_listed,
                 e.start + CASE WHEN k <= 12 THEN 7 * k ELSE 84 + 28 * (k - 12) END
                         + CASE WHEN k > 0 THEN floor(pg_temp.r(e.en * 32 + k, 40) * 5)::int - 2 ELSE 0 END AS date
          FROM g_ep e CROSS JOIN generate_series(0, 17) k
          WHERE e.start + CASE WHEN k <= 12 THEN 7 * k ELSE 84 + 28 * (k - 12) END <= e.active_end
            AND (k <= 12 OR e.rp_date IS NOT NULL);
        DELETE FROM g_contact c USING g_ep e WHERE e.en = c.en AND (c.date > e.active_end OR c.date < e.start);
        ALTER TABLE g_contact ADD COLUMN reached boolean, ADD COLUMN scored boolean, ADD COLUMN items int[];
        UPDATE g_contact SET reached = k = 0 OR pg_temp.r(cn, 41) >= 0.10;
        UPDATE g_contact SET scored = reached AND (k = 0 OR pg_temp.r(cn, 42) < 0.85);
        -- Nine items around the course's expected total at the week, Livslust lower, rarely a spike.
        UPDATE g_contact SET items = ARRAY(
            SELECT least(6, greatest(0, round(
                     (baseline * (1 - fall * least(k, 12) / 12.0)) / 9.0 * (CASE WHEN q = 9 THEN 0.55 ELSE 1.05 END)
                     + (pg_temp.r(cn * 10 + q, 43) - 0.5) * 1.8
                     + CASE WHEN q = 9 AND pg_temp.r(cn, 44) < 0.004 THEN 3 ELSE 0 END)))::int
            FROM generate_series(1, 9) q ORDER BY q)
          WHERE scored;
        INSERT INTO contact (id, episode_id, date, time, type, counterpart, reached,
                             item1, item2, item3, item4, item5, item6, item7, item8, item9, madrs_total,
                             sick_leave, duration_minutes, note, next_planned_date, author_id, recorded_at)
          SELECT pg_temp.uid('contact', cn), pg_temp.uid('episode', en), date,
                 lpad((8 + floor(pg_temp.r(cn, 45) * 9))::int::text, 2, '0') || ':' || (ARRAY['00','15','30','45'])[1 + floor(pg_temp.r(cn, 46) * 4)::int],
                 (CASE WHEN k = 0 OR (k = 6 AND pg_temp.r(cn, 47) < 0.7) THEN 'IN_PERSON'
                       WHEN pg_temp.r(cn, 48) < 0.15 THEN 'VIDEO' ELSE 'PHONE' END)::"ContactType",
                 'PATIENT', reached,
                 items[1], items[2], items[3], items[4], items[5], items[6], items[7], items[8], items[9],
                 items[1] + items[2] + items[3] + items[4] + items[5] + items[6] + items[7] + items[8] + items[9],
                 CASE WHEN sick_listed AND scored THEN (ARRAY[0, 25, 50, 100])[1 + floor(pg_temp.r(cn, 49) * 4)::int] END,
                 CASE WHEN reached THEN 10 + floor(pg_temp.r(cn, 50) * 30)::int ELSE 2 END,
                 CASE WHEN NOT reached THEN 'Inget svar, nytt försök.'
                      WHEN pg_temp.r(cn, 51) < 0.3 THEN pg_temp.pick(ARRAY['Samtal om sömn och dygnsrytm.','Beteendeaktivering: promenad varje dag.',
                        'Följt upp läkemedel, inga biverkningar.','Arbetsträning diskuterad.','Oro inför återgång i arbete.'], cn, 52) END,
                 CASE WHEN reached AND k < 12 THEN date + 7 END,
                 pg_temp.uid('cm', unit * 10 + cm_k),
                 (date + time '08:00' + make_interval(mins => floor(pg_temp.r(cn, 53) * 540)::int)) AT TIME ZONE 'Europe/Stockholm'
          FROM g_contact;
        -- Contacts with other actors (Försäkringskassan, employer, social
        -- services) in one episode in twelve, around week 3.
        INSERT INTO contact (id, episode_id, date, type, counterpart, reached, duration_minutes, note, author_id, recorded_at)
          SELECT pg_temp.uid('other', en), pg_temp.uid('episode', en), start + 20, 'PHONE',
                 pg_temp.pick(ARRAY['FORSAKRINGSKASSAN','ARBETSGIVARE','SOCIALTJANST','OTHER'], en, 54)::"Counterpart", true, 15,
                 'Avstämning om sjukskrivning och arbetsåtergång.', pg_temp.uid('cm', unit * 10 + cm_k),
                 (start + 20 + time '13:00') AT TIME ZONE 'Europe/Stockholm'
          FROM g_ep WHERE pg_temp.r(en, 55) < 0.08 AND start + 20 <= active_end;
        -- Self-reports through a link (the last year): one episode in four answers one, around week 3–5.
        CREATE TEMP TABLE g_self AS
          SELECT en, unit, cm_k, start + 17 + floor(pg_temp.r(en, 56) * 20)::int AS date, baseline, fall
          FROM g_ep WHERE start >= date '${anchor}' - 365 AND pg_temp.r(en, 57) < 0.25;
        DELETE FROM g_self s USING g_ep e WHERE e.en = s.en AND s.date > e.active_end;
        INSERT INTO self_report_link (id, episode_id, token_hash, created_by_id, created_at, expires_at, used_at)
          SELECT pg_temp.uid('link', en), pg_temp.uid('episode', en), encode(sha256(('bench-link-' || en)::bytea), 'hex'),
                 pg_temp.uid('cm', unit * 10 + cm_k), (date - 3)::timestamptz + interval '10 hours',
                 (date + 4)::timestamptz + interval '10 hours', date::timestamptz + interval '19 hours'
          FROM g_self;
        INSERT INTO contact (id, episode_id, date, type, counterpart, reached,
                             item1, item2, item3, item4, item5, item6, item7, item8, item9, madrs_total,
                             self_report_link_id, recorded_at)
          SELECT pg_temp.uid('self', en), pg_temp.uid('episode', en), date, 'SELF_REPORT', 'PATIENT', false,
                 i[1], i[2], i[3], i[4], i[5], i[6], i[7], i[8], i[9], i[1] + i[2] + i[3] + i[4] + i[5] + i[6] + i[7] + i[8] + i[9],
                 pg_temp.uid('link', en), date::timestamptz + interval '19 hours'
          FROM (SELECT s.*, ARRAY(SELECT least(6, greatest(0, round((baseline * (1 - fall * 0.3)) / 9.0
                                   + (pg_temp.r(en * 10 + q, 58) - 0.5) * 1.8)))::int
                                  FROM generate_series(1, 9) q ORDER BY q) AS i FROM g_self s) x;`,
    },
    {
      label: "flag handlings, review requests",
      sql: `
        INSERT INTO flag_handling (id, episode_id, code, decision, note, handled_at, handled_by_id, handled_by_role)
          SELECT pg_temp.uid('handling', en), pg_temp.uid('episode', en),
                 (CASE kind WHEN 3 THEN 'NO_RESPONSE' WHEN 2 THEN 'TWELVE_WEEK_DECISION' ELSE 'EARLY_NON_RESPONSE' END)::"FlagCode",
                 (CASE kind WHEN 3 THEN 'REFERRAL_SPECIALIST' WHEN 2 THEN 'CONTINUE_TREATMENT' ELSE 'MEDICATION_CHANGE' END)::"FlagDecision",
                 'Bedömt vid läkarbesök; plan i journalen.', (start + 45)::timestamptz + interval '14 hours',
                 pg_temp.uid('gp', unit * 10 + gp_k), 'ALLMANLAKARE'
          FROM g_ep WHERE pg_temp.r(en, 60) < 0.15 AND start + 45 <= active_end;
        INSERT INTO review_request (id, episode_id, question, requested_at, requested_by_id, answer, answered_at, answered_by_id)
          SELECT pg_temp.uid('question', en), pg_temp.uid('episode', en),
                 'Utebliven förbättring trots SSRI i full dos: byte eller tillägg?',
                 (start + 30)::timestamptz + interval '15 hours', pg_temp.uid('cm', unit * 10 + cm_k),
                 CASE WHEN answered THEN 'Byt till SNRI, följ upp om fyra veckor.' END,
                 CASE WHEN answered THEN (start + 37)::timestamptz + interval '10 hours' END,
                 CASE WHEN answered THEN pg_temp.uid('psy', (unit - 1) / ${UNITS_PER_PSYCHIATRIST} + 1) END
          FROM (SELECT *, start + 37 <= date '${anchor}' - 3 AS answered FROM g_ep) e
          WHERE pg_temp.r(en, 61) < 0.08 AND start + 30 <= active_end;`,
    },
    {
      label: "consultation visits, recommendations, receipts",
      sql: `
        -- A visit a month at each unit, about four patients on each; the
        -- visits before the anchor with a recommendation per patient, read by
        -- the GP (some of the last month's unread); one planned visit per unit.
        CREATE TEMP TABLE g_visit AS
          SELECT u * 1000 + m AS vn, u, m,
                 (date_trunc('month', ${from} + m * 30.44 * interval '1 day')::date + 3 + u % 20) AS date
          FROM generate_series(1, ${U}) u, generate_series(0, ${YEARS * 12}) m;
        DELETE FROM g_visit WHERE date > date '${anchor}' + 30 OR date < ${from};
        DELETE FROM g_visit v WHERE date > date '${anchor}'
          AND EXISTS (SELECT 1 FROM g_visit w WHERE w.u = v.u AND w.date > date '${anchor}' AND w.date < v.date);
        INSERT INTO visit (id, unit_id, date, psychiatrist_id, created_at)
          SELECT pg_temp.uid('visit', vn), pg_temp.uid('unit', u), date, pg_temp.uid('psy', (u - 1) / ${UNITS_PER_PSYCHIATRIST} + 1),
                 (date - 14)::timestamptz
          FROM g_visit;
        CREATE TEMP TABLE g_item AS
          SELECT v.vn, v.u, v.date, e.en, e.gp_k, row_number() OVER (PARTITION BY v.vn ORDER BY e.en) AS position
          FROM g_visit v CROSS JOIN LATERAL (
            SELECT en, gp_k FROM g_ep e WHERE e.unit = v.u AND e.start <= v.date - 14 AND e.active_end >= v.date
            ORDER BY hashint8extended(e.en, v.vn) LIMIT 4) e;
        INSERT INTO recommendation (id, episode_id, text, handled_codes, author_id, created_at)
          SELECT pg_temp.uid('rec', vn * 10 + position), pg_temp.uid('episode', en),
                 pg_temp.pick(ARRAY['Höj sertralin till 100 mg, ny MADRS-S om fyra veckor.',
                   'Fortsätt nuvarande behandling; KBT-grupp om ingen förbättring.',
                   'Remiss till psykiatrin för bedömning av bipolaritet.',
                   'Sömnråd och beteendeaktivering; avvakta läkemedelsbyte.'], vn * 10 + position, 62),
                 '{}', pg_temp.uid('psy', (u - 1) / ${UNITS_PER_PSYCHIATRIST} + 1), date::timestamptz + interval '11 hours'
          FROM g_item WHERE date < date '${anchor}';
        INSERT INTO visit_item (id, visit_id, episode_id, position, kind, time, recommendation_id)
          SELECT pg_temp.uid('item', vn * 10 + position), pg_temp.uid('visit', vn), pg_temp.uid('episode', en), position,
                 'CASE_REVIEW', lpad((9 + position)::text, 2, '0') || ':00',
                 CASE WHEN date < date '${anchor}' THEN pg_temp.uid('rec', vn * 10 + position) END
          FROM g_item;
        INSERT INTO recommendation_receipt (recommendation_id, user_id, role, read_at)
          SELECT pg_temp.uid('rec', vn * 10 + position), pg_temp.uid('gp', u * 10 + gp_k), 'ALLMANLAKARE',
                 CASE WHEN date < date '${anchor}' - 30 OR pg_temp.r(vn * 10 + position, 63) < 0.5
                      THEN date::timestamptz + interval '2 days' END
          FROM g_item WHERE date < date '${anchor}';`,
    },
  ];
}

/**
 * The access log's rows [fromRow, toRow): the staff of each patient's unit
 * reading and writing, psychiatrists reading their units' lists, heads of unit
 * their reports; a few refusals. More rows in later years: row g falls on day
 * sqrt(g / rows) × the ten years, so consecutive rows are consecutive days and
 * each chunk fills a few monthly partitions at a time (their indexes stay in
 * memory: loading in random time order took twice as long and grew per chunk).
 */
function accessLogChunk(scale: Scale, anchor: string, fromRow: number, toRow: number): string {
  const U = scale.units;
  const P = Math.round(scale.episodes / (1 + RETURNING_SHARE));
  const seconds = YEARS * 365 * 86_400;
  return `
    INSERT INTO access_log (at, user_id, username, unit_id, patient_id, action, target, request_id, session_id, refusal)
      SELECT at, user_id, username, pg_temp.uid('unit', u), patient, action,
             CASE WHEN who = 3 THEN 'report:' || to_char(at, 'YYYY') || '-01-01..' || to_char(at, 'YYYY-MM-DD')
                  WHEN who = 2 THEN 'review-list'
                  WHEN action = 'READ' AND pg_temp.r(g, 35) < 0.15 THEN 'caseload'
                  WHEN action = 'READ' THEN 'patient:' || patient
                  ELSE 'episode:' || pg_temp.uid('episode', pn) END,
             md5('req' || g), pg_temp.uid('session', user_n * 4000 + (extract(epoch FROM at) / 86400)::int % 4000),
             CASE WHEN pg_temp.r(g, 36) < 0.002 THEN 'NOT_FOUND'::"AccessRefusal" END
      FROM (
        SELECT x.*, u.*,
               CASE WHEN who <= 1 AND NOT (action = 'READ' AND pg_temp.r(x.g, 35) < 0.15) THEN pg_temp.uid('patient', pn) END AS patient
        FROM (
          SELECT g, pn, 1 + (pn - 1) % ${U} AS u,
                 -- 0 care manager, 1 GP, 2 psychiatrist, 3 head of unit.
                 CASE WHEN w < 0.55 THEN 0 WHEN w < 0.90 THEN 1 WHEN w < 0.97 THEN 2 ELSE 3 END AS who,
                 (CASE WHEN w >= 0.90 OR a < 0.84 THEN 'READ' WHEN a < 0.95 THEN 'CREATE' ELSE 'UPDATE' END)::"AccessAction" AS action,
                 (timestamptz '${anchor} 00:00 Europe/Stockholm' - make_interval(secs => ${seconds}))
                   + make_interval(secs => floor(sqrt((g - 1)::float8 / ${scale.accessLogRows}) * ${seconds / 86_400})::int * 86400
                                           + 25200 + floor(pg_temp.r(g, 31) * 36000)::int) AS at
          FROM (SELECT g, 1 + floor(pg_temp.r(g, 32) * ${P})::bigint AS pn, pg_temp.r(g, 33) AS w, pg_temp.r(g, 34) AS a
                FROM generate_series(${fromRow}, ${toRow - 1}) g) r
        ) x
        CROSS JOIN LATERAL (
          SELECT CASE x.who WHEN 0 THEN pg_temp.uid('cm', x.u * 10 + 1 + x.g % 3) WHEN 1 THEN pg_temp.uid('gp', x.u * 10 + 1 + x.g % 5)
                            WHEN 2 THEN pg_temp.uid('psy', (x.u - 1) / ${UNITS_PER_PSYCHIATRIST} + 1) ELSE pg_temp.uid('chef', x.u) END AS user_id,
                 CASE x.who WHEN 0 THEN 'samordnare.' || x.u || '.' || (1 + x.g % 3) WHEN 1 THEN 'lakare.' || x.u || '.' || (1 + x.g % 5)
                            WHEN 2 THEN 'psykiater.' || ((x.u - 1) / ${UNITS_PER_PSYCHIATRIST} + 1) ELSE 'chef.' || x.u END AS username,
                 x.u * 10 + x.who AS user_n
        ) u
      ) y
      WHERE at < now()`;
}

export type GenerateResult = { counts: Record<string, number>; seconds: number };

/**
 * Fills an empty, migrated database (connected as its owner) with `scale`'s
 * data up to `anchor`. `passwordHash` is the argon2 hash of BENCH_PASSWORD.
 */
export async function generate(
  owner: pg.Client,
  scale: Scale,
  {
    anchor,
    passwordHash,
    log = console.log,
  }: { anchor: string; passwordHash: string; log?: (m: string) => void },
): Promise<GenerateResult> {
  const t0 = performance.now();
  const { rows } = await owner.query<{ n: string }>("SELECT count(*) AS n FROM unit");
  if (Number(rows[0]!.n) > 0) throw new Error("The database has units already: generate into an empty one.");
  await owner.query(HELPERS(scale.seed));
  for (const step of steps(scale, anchor)) {
    const t = performance.now();
    await owner.query("BEGIN");
    try {
      await owner.query(step.sql.replaceAll(":'hash'", quote(passwordHash)));
      await owner.query("COMMIT");
    } catch (e) {
      await owner.query("ROLLBACK");
      throw new Error(`${step.label}: ${(e as Error).message}`);
    }
    log(`  ${step.label}: ${((performance.now() - t) / 1000).toFixed(1)} s`);
  }
  // The log's monthly partitions for the ten years, then the rows a million at a time.
  const firstMonth = new Date(`${anchor}T00:00:00Z`);
  firstMonth.setUTCFullYear(firstMonth.getUTCFullYear() - YEARS, firstMonth.getUTCMonth() - 1, 1);
  await owner.query("SELECT access_log_parts.ensure_partitions(24, $1::date)", [
    firstMonth.toISOString().slice(0, 10),
  ]);
  const CHUNK = 1_000_000;
  for (let from = 1; from <= scale.accessLogRows; from += CHUNK) {
    const t = performance.now();
    const to = Math.min(from + CHUNK, scale.accessLogRows + 1);
    await owner.query("BEGIN");
    try {
      await owner.query("ALTER TABLE access_log DISABLE TRIGGER access_log_set_time");
      await owner.query(accessLogChunk(scale, anchor, from, to));
      await owner.query("ALTER TABLE access_log ENABLE TRIGGER access_log_set_time");
      await owner.query("COMMIT");
    } catch (e) {
      await owner.query("ROLLBACK");
      throw new Error(`access log rows ${from}–${to - 1}: ${(e as Error).message}`);
    }
    log(`  access log rows ${from}–${to - 1}: ${((performance.now() - t) / 1000).toFixed(1)} s`);
  }
  const t = performance.now();
  await owner.query("VACUUM ANALYZE");
  log(`  VACUUM ANALYZE: ${((performance.now() - t) / 1000).toFixed(1)} s`);
  return { counts: await countRows(owner), seconds: (performance.now() - t0) / 1000 };
}

const quote = (s: string) => `'${s.replaceAll("'", "''")}'`;

export const COUNTED_TABLES = [
  "unit",
  "app_user",
  "patient",
  "episode",
  "episode_status_change",
  "contact",
  "self_report_link",
  "flag_handling",
  "review_request",
  "visit",
  "visit_item",
  "recommendation",
  "recommendation_receipt",
  "access_log",
] as const;

export async function countRows(owner: pg.Client): Promise<Record<string, number>> {
  const { rows } = await owner.query<Record<string, string>>(
    `SELECT ${COUNTED_TABLES.map((t) => `(SELECT count(*) FROM ${t}) AS ${t}`).join(", ")}`,
  );
  return Object.fromEntries(Object.entries(rows[0]!).map(([k, v]) => [k, Number(v)]));
}
