import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { systemDb } from "@/lib/db/client";
import { recordAccess, recordAccessMany } from "@/modules/audit/lib/record-access";
import { checkAppRole } from "@/lib/db/migrate";
import { createTestUser } from "../support/factories";

// The app's own connection (DATABASE_URL: the non-superuser samvard_app role)
// and the owner's, which runs migrations.
const app = new pg.Client({ connectionString: process.env.DATABASE_URL });
const owner = new pg.Client({ connectionString: process.env.TEST_OWNER_DATABASE_URL });

beforeAll(async () => {
  await Promise.all([app.connect(), owner.connect()]);
});
afterAll(async () => {
  await Promise.all([app.end(), owner.end()]);
});

const errorOf = async (client: pg.Client, sql: string) => {
  try {
    await client.query(sql);
    return "no error";
  } catch (e) {
    return (e as Error).message;
  }
};

describe("access log is append-only, enforced by the database", () => {
  it("a list read logs every row, however many statements it takes", async () => {
    const user = await createTestUser();
    const target = `bench:${crypto.randomUUID()}`;
    const entries = Array.from({ length: 4_001 }, () => ({
      action: "READ" as const,
      userId: user.id,
      username: user.username,
      target,
    }));
    await systemDb().$transaction((tx) => recordAccessMany(tx, entries));
    expect(await systemDb().accessLog.count({ where: { target } })).toBe(4_001);
  });

  it("recordAccess writes a row the app can read back", async () => {
    const user = await createTestUser();
    await recordAccess(systemDb(), {
      action: "READ",
      userId: user.id,
      username: user.username,
      target: "test",
      requestId: "req-1",
    });
    const rows = await systemDb().accessLog.findMany({ where: { userId: user.id } });
    expect(rows).toMatchObject([
      { action: "READ", username: user.username, target: "test", requestId: "req-1" },
    ]);
  });

  it("the time of a row is the database's, whatever the writer says", async () => {
    // A time in this month's partition is replaced by the server's …
    const { rows } = await app.query<{ at: Date }>(
      "INSERT INTO access_log (action, username, at) VALUES ('READ', 'backdate-test', date_trunc('month', now())) RETURNING at",
    );
    expect(Math.abs(rows[0]!.at.getTime() - Date.now())).toBeLessThan(60_000);
    // … and one in another month is refused outright: a row is never stored back-dated.
    expect(
      await errorOf(
        app,
        "INSERT INTO access_log (action, username, at) VALUES ('READ', 'backdate-test', '2000-01-01')",
      ),
    ).toMatch(/no partition/);
    expect(
      await errorOf(
        app,
        "INSERT INTO access_log (action, username, at) VALUES ('READ', 'backdate-test', now() - interval '40 days')",
      ),
    ).toMatch(/partition/);
  });

  it("the app's role may not UPDATE, DELETE or TRUNCATE it", async () => {
    expect(await errorOf(app, "UPDATE access_log SET target = 'x'")).toMatch(/permission denied/);
    expect(await errorOf(app, "DELETE FROM access_log")).toMatch(/permission denied/);
    expect(await errorOf(app, "TRUNCATE access_log")).toMatch(/permission denied/);
  });

  it("the app's role is not a superuser and cannot switch triggers off", async () => {
    const { rows } = await app.query<{ rolsuper: boolean }>(
      "SELECT rolsuper FROM pg_roles WHERE rolname = current_user",
    );
    expect(rows[0]?.rolsuper).toBe(false);
    expect(await errorOf(app, "ALTER TABLE access_log DISABLE TRIGGER ALL")).toMatch(/must be owner/);
  });

  it("the triggers stop even the owning role (second wall)", async () => {
    await recordAccess(systemDb(), { action: "READ", userId: null, username: "wall-test" });
    expect(await errorOf(owner, "UPDATE access_log SET target = 'x'")).toMatch(/append-only/);
    expect(await errorOf(owner, "DELETE FROM access_log")).toMatch(/append-only/);
    expect(await errorOf(owner, "TRUNCATE access_log")).toMatch(/append-only/);
    expect(await systemDb().accessLog.count({ where: { username: "wall-test" } })).toBe(1);
  });
});

describe("the access log is partitioned by month", () => {
  const partitions = async () =>
    (
      await owner.query<{ name: string; bound: string }>(`
        SELECT c.relname AS name, pg_get_expr(c.relpartbound, c.oid) AS bound
        FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE i.inhparent = 'public.access_log'::regclass AND n.nspname = 'access_log_parts'
        ORDER BY c.relname`)
    ).rows;

  it("is a partitioned table keyed by (id, at), with a month per partition and 23 or more months ahead", async () => {
    const { rows } = await owner.query<{ kind: string; key: string }>(`
      SELECT c.relkind AS kind, pg_get_constraintdef(k.oid) AS key
      FROM pg_class c JOIN pg_constraint k ON k.conrelid = c.oid AND k.contype = 'p'
      WHERE c.oid = 'public.access_log'::regclass`);
    expect(rows).toEqual([{ kind: "p", key: "PRIMARY KEY (id, at)" }]);
    const parts = await partitions();
    const now = new Date();
    const month = (offset: number) => {
      const d = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + offset, 1));
      return `access_log_y${d.getUTCFullYear()}m${String(d.getUTCMonth() + 1).padStart(2, "0")}`;
    };
    const names = parts.map((p) => p.name);
    for (let m = 0; m <= 23; m++) expect(names).toContain(month(m));
    // Contiguous: each partition ends where the next begins.
    const bounds = parts.map((p) => /FROM \('([^']+)'\) TO \('([^']+)'\)/.exec(p.bound)!.slice(1, 3));
    for (let i = 1; i < bounds.length; i++) expect(bounds[i]![0]).toBe(bounds[i - 1]![1]);
  });

  it("every partition, also one made later, has the append-only triggers and no right for the app's role", async () => {
    // A later migrate makes more months ahead: they get the same walls.
    const { rows: made } = await owner.query<{ n: number }>(
      "SELECT access_log_parts.ensure_partitions(30) AS n",
    );
    expect(made[0]!.n).toBeGreaterThan(0);
    expect((await owner.query("SELECT access_log_parts.ensure_partitions(30) AS n")).rows[0].n).toBe(0);
    const parts = await partitions();
    expect(parts.length).toBeGreaterThanOrEqual(31);
    const { rows } = await owner.query<{ name: string; triggers: string[] }>(`
      SELECT c.relname AS name, array_agg(t.tgname::text ORDER BY t.tgname) AS triggers
      FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      JOIN pg_trigger t ON t.tgrelid = c.oid AND NOT t.tgisinternal
      WHERE n.nspname = 'access_log_parts' GROUP BY c.relname`);
    expect(rows).toHaveLength(parts.length);
    for (const r of rows)
      expect(r.triggers, r.name).toEqual([
        "access_log_no_truncate",
        "access_log_no_update_delete",
        "access_log_set_time",
      ]);
    const appRole = (await app.query<{ r: string }>("SELECT current_user AS r")).rows[0]!.r;
    const { rows: rights } = await owner.query<{ name: string; any: boolean }>(
      `SELECT c.relname AS name,
              has_table_privilege($1, c.oid, 'SELECT,INSERT,UPDATE,DELETE,TRUNCATE,REFERENCES,TRIGGER') AS any
       FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'access_log_parts' AND c.relkind = 'r'`,
      [appRole],
    );
    expect(rights.filter((r) => r.any)).toEqual([]);
    const part = parts.at(-1)!.name;
    expect(await errorOf(app, `SELECT 1 FROM access_log_parts.${part}`)).toMatch(/permission denied/);
    expect(await errorOf(app, "SELECT access_log_parts.ensure_partitions(40)")).toMatch(/permission denied/);
    // Even the owner cannot empty a partition by itself.
    expect(await errorOf(owner, `TRUNCATE access_log_parts.${part}`)).toMatch(/append-only/);
    await recordAccess(systemDb(), { action: "READ", userId: null, username: "partition-wall" });
    const current = (
      await owner.query<{ p: string }>(
        "SELECT tableoid::regclass::text AS p FROM access_log WHERE username = 'partition-wall'",
      )
    ).rows[0]!.p;
    expect(current).toMatch(/^access_log_parts\.access_log_y\d{4}m\d{2}$/);
    expect(await errorOf(owner, `DELETE FROM ${current}`)).toMatch(/append-only/);
    expect(await errorOf(owner, `UPDATE ${current} SET target = 'x'`)).toMatch(/append-only/);
  });
});

describe("the app role check of a production start", () => {
  it("accepts the app role and refuses the owner", async () => {
    expect(await checkAppRole(process.env.DATABASE_URL!)).toBeUndefined();
    expect(await checkAppRole(process.env.TEST_OWNER_DATABASE_URL!)).toMatch(
      /owns or may change the access log/,
    );
    expect(await checkAppRole(process.env.TEST_SUPERUSER_DATABASE_URL!)).toMatch(/superuser/);
  });
});
