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
    const { rows } = await app.query<{ at: Date }>(
      "INSERT INTO access_log (action, username, at) VALUES ('READ', 'backdate-test', '2000-01-01') RETURNING at",
    );
    expect(Math.abs(rows[0]!.at.getTime() - Date.now())).toBeLessThan(60_000);
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

describe("the app role check of a production start", () => {
  it("accepts the app role and refuses the owner", async () => {
    expect(await checkAppRole(process.env.DATABASE_URL!)).toBeUndefined();
    expect(await checkAppRole(process.env.TEST_OWNER_DATABASE_URL!)).toMatch(
      /owns or may change the access log/,
    );
    expect(await checkAppRole(process.env.TEST_SUPERUSER_DATABASE_URL!)).toMatch(/superuser/);
  });
});
