// The benchmark's generator (tests/bench/scale/generate.ts) at its tiny scale:
// the same seed and anchor give the same rows in two fresh databases, and the
// data has what a region has (attempts, other actors, self-reports, open and
// closed episodes, visits with recommendations, a log over the years).
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { COUNTED_TABLES, SCALES, generate } from "../bench/scale/generate";
import { startTestDatabase, type TestDatabase } from "../support/test-database";

const ANCHOR = "2026-11-30";
// Not an argon2 hash: the generator stores what it is given, and the digest leaves it out anyway.
const HASH = "$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHQ$aGFzaGhhc2hoYXNoaGFzaA";

/** A digest of every generated table's rows (the password hash left out: argon2 salts differ). */
async function digest(client: pg.Client): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const table of COUNTED_TABLES) {
    const row = table === "app_user" ? "(t.id, t.username, t.display_name, t.role)" : "t";
    const { rows } = await client.query<{ d: string }>(
      `SELECT md5(string_agg(${row}::text, '|' ORDER BY ${row}::text)) AS d FROM ${table} t`,
    );
    out[table] = rows[0]!.d;
  }
  return out;
}

describe("the benchmark's region generator", () => {
  const dbs: TestDatabase[] = [];
  const owners: pg.Client[] = [];
  beforeAll(async () => {
    dbs.push(...(await Promise.all([startTestDatabase(), startTestDatabase()])));
    for (const db of dbs) {
      const owner = new pg.Client({ connectionString: db.ownerUrl });
      await owner.connect();
      owners.push(owner);
    }
    await Promise.all(
      owners.map((o) => generate(o, SCALES.tiny, { anchor: ANCHOR, passwordHash: HASH, log: () => {} })),
    );
  });
  afterAll(async () => {
    await Promise.all(owners.map((o) => o.end()));
    await Promise.all(dbs.map((d) => d.stop()));
  });

  it("makes the same rows from the same seed and anchor", async () => {
    const [a, b] = await Promise.all(owners.map(digest));
    expect(a).toEqual(b);
    expect(Object.values(a!).every((d) => /^[0-9a-f]{32}$/.test(d))).toBe(true);
  });

  it("makes what a region has", async () => {
    const q = async (text: string) => Number((await owners[0]!.query<{ n: string }>(text)).rows[0]!.n);
    expect(await q("SELECT count(*) AS n FROM episode")).toBeGreaterThan(1_900);
    expect(await q("SELECT count(*) AS n FROM episode WHERE closed_date IS NULL")).toBeGreaterThan(20);
    expect(await q("SELECT count(*) AS n FROM episode WHERE status = 'RELAPSE_PREVENTION'")).toBeGreaterThan(
      0,
    );
    expect(await q("SELECT count(DISTINCT patient_id) AS n FROM episode")).toBeLessThan(
      await q("SELECT count(*) AS n FROM episode"),
    );
    expect(
      await q("SELECT count(*) AS n FROM contact WHERE NOT reached AND type <> 'SELF_REPORT'"),
    ).toBeGreaterThan(0);
    expect(await q("SELECT count(*) AS n FROM contact WHERE counterpart <> 'PATIENT'")).toBeGreaterThan(0);
    expect(await q("SELECT count(*) AS n FROM contact WHERE type = 'SELF_REPORT'")).toBeGreaterThan(0);
    expect(await q("SELECT count(*) AS n FROM contact WHERE type = 'IN_PERSON'")).toBeGreaterThan(0);
    expect(await q("SELECT count(*) AS n FROM contact WHERE item9 >= 4")).toBeGreaterThan(0);
    expect(await q("SELECT count(*) AS n FROM recommendation_receipt WHERE read_at IS NULL")).toBeGreaterThan(
      0,
    );
    expect(await q("SELECT count(*) AS n FROM visit WHERE date > date '2026-11-30'")).toBe(SCALES.tiny.units);
    expect(await q("SELECT count(*) AS n FROM access_log")).toBe(SCALES.tiny.accessLogRows);
    // Spread over the ten years, more in the later ones, none after the anchor.
    expect(
      await q("SELECT count(DISTINCT date_trunc('year', at)) AS n FROM access_log"),
    ).toBeGreaterThanOrEqual(10);
    expect(
      await q(
        "SELECT count(*) AS n FROM access_log WHERE at >= timestamptz '2026-12-01 00:00 Europe/Stockholm'",
      ),
    ).toBe(0);
    expect(
      await q("SELECT count(*) AS n FROM access_log WHERE at >= timestamptz '2025-11-30'"),
    ).toBeGreaterThan(await q("SELECT count(*) AS n FROM access_log WHERE at < timestamptz '2017-11-30'"));
    // Valid personnummer (Luhn) for every patient, as the app checks them.
    const { rows } = await owners[0]!.query<{ personnummer: string }>("SELECT personnummer FROM patient");
    const { parseIdentityNumber } = await import("@/modules/patients/rules/identity");
    expect(rows.filter((r) => !parseIdentityNumber(r.personnummer, ANCHOR).ok)).toEqual([]);
  });
});
