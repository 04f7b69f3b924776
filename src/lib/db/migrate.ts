// Applies pending migrations with the real Prisma CLI (`prisma migrate deploy`,
// through the WebAssembly engine stand-in unless PRISMA_NATIVE_ENGINE=1), then
// grants the app's role what it may do. Used by the launcher, `npm run
// db:migrate` and the tests.
import { spawn } from "node:child_process";
import path from "node:path";
import pg from "pg";
import { parse } from "pg-connection-string";

export function runPrisma(
  args: string[],
  env: Record<string, string | undefined>,
  root = process.cwd(),
): Promise<{ code: number; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(path.join(root, "node_modules", ".bin", "prisma"), args, {
      cwd: root,
      env: { ...process.env, CHECKPOINT_DISABLE: "1", PRISMA_HIDE_UPDATE_MESSAGE: "1", ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (d: Buffer) => (output += d.toString()));
    child.stderr.on("data", (d: Buffer) => (output += d.toString()));
    child.once("error", reject);
    child.once("close", (code) => resolve({ code: code ?? 1, output }));
  });
}

/**
 * What the app's role may do. The access log is INSERT and SELECT only (the
 * triggers from the access_log_append_only migration are the second wall);
 * Prisma's migration table is read-only (the health check reads it).
 * Idempotent: run after every deploy so new tables are covered.
 */
export async function grantAppRole(ownerUrl: string, appRole: string): Promise<void> {
  const client = new pg.Client({ connectionString: ownerUrl });
  await client.connect();
  try {
    const role = client.escapeIdentifier(appRole);
    // One transaction: other sessions never see the app role holding UPDATE or
    // DELETE on the access log, even for the moment between grant and revoke.
    await client.query("BEGIN");
    await client.query(`
      GRANT USAGE ON SCHEMA public TO ${role};
      GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${role};
      GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO ${role};
    `);
    const revokes: [table: string, privileges: string][] = [
      ["_prisma_migrations", "INSERT, UPDATE, DELETE, TRUNCATE"],
      ["access_log", "UPDATE, DELETE, TRUNCATE"],
    ];
    for (const [table, privileges] of revokes) {
      const { rows } = await client.query<{ exists: boolean }>(
        "SELECT to_regclass($1) IS NOT NULL AS exists",
        [table],
      );
      if (rows[0]?.exists) await client.query(`REVOKE ${privileges} ON ${table} FROM ${role}`);
    }
    await client.query("COMMIT");
  } catch (e) {
    await client.query("ROLLBACK").catch(() => {});
    throw e;
  } finally {
    await client.end();
  }
}

/**
 * Why the app's database role must not serve (a superuser, or a role that owns
 * or may change the access log, could rewrite it), or undefined when it is fit.
 */
export async function checkAppRole(appUrl: string): Promise<string | undefined> {
  const client = new pg.Client({ connectionString: appUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ superuser: boolean; owner: boolean; change: boolean }>(`
      SELECT r.rolsuper AS superuser,
             t.tableowner = current_user AS owner,
             has_table_privilege('access_log', 'UPDATE') OR has_table_privilege('access_log', 'DELETE')
               OR has_table_privilege('access_log', 'TRUNCATE') AS change
      FROM pg_roles r, pg_tables t
      WHERE r.rolname = current_user AND t.schemaname = 'public' AND t.tablename = 'access_log'`);
    const row = rows[0];
    if (!row) return "The access_log table is missing: migrations did not run.";
    if (row.superuser)
      return "DATABASE_URL connects as a superuser, which could rewrite the access log. Use a non-superuser app role (README: External PostgreSQL).";
    if (row.owner || row.change) {
      return "DATABASE_URL's role owns or may change the access log. Use a separate app role, with the owner in MIGRATE_DATABASE_URL (README: External PostgreSQL).";
    }
    return undefined;
  } finally {
    await client.end();
  }
}

export const roleOf = (url: string): string | undefined => parse(url).user ?? undefined;

/** How far ahead every migrate makes the access log's monthly partitions. */
export const PARTITION_MONTHS_AHEAD = 24;

/**
 * Makes the access log's missing monthly partitions up to `monthsAhead` from
 * now, as the owner (the app's role cannot): each with its grants revoked and
 * its TRUNCATE trigger (migration 20261204220000_access_log_partitions).
 * Returns how many were made.
 */
export async function ensureLogPartitions(
  ownerUrl: string,
  monthsAhead = PARTITION_MONTHS_AHEAD,
): Promise<number> {
  const client = new pg.Client({ connectionString: ownerUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ made: number }>(
      "SELECT access_log_parts.ensure_partitions($1) AS made",
      [monthsAhead],
    );
    return rows[0]?.made ?? 0;
  } finally {
    await client.end();
  }
}

/**
 * Marks every stored evaluation stale (migration 20261205100000): a new build
 * may evaluate differently, so no row of an earlier one is trusted; the
 * launcher's refresh and the first readers re-evaluate.
 */
async function staleStoredEvaluations(ownerUrl: string): Promise<void> {
  const client = new pg.Client({ connectionString: ownerUrl });
  await client.connect();
  try {
    await client.query(
      "UPDATE episode_evaluation SET version = version + 1, as_of = NULL WHERE as_of IS NOT NULL",
    );
  } finally {
    await client.end();
  }
}

/**
 * Every session of the database plans without parallel workers or JIT. The
 * app's statements are short reads and writes of a few units' rows: a
 * parallel plan starts worker processes that cost more than they save at that
 * size and take the cores other requests need (the Konsultlista's candidates:
 * 14.7 ms parallel, 6.9 ms not, on the region), and JIT compiles for tens of
 * milliseconds to save less. Set on the database, not per connection, so that
 * it holds through a connection pooler (PgBouncer refuses startup options).
 * A migrating role that does not own the database is told what to set.
 */
async function planForShortStatements(ownerUrl: string): Promise<void> {
  const client = new pg.Client({ connectionString: ownerUrl });
  await client.connect();
  try {
    await client.query(`DO $$ BEGIN
      EXECUTE format('ALTER DATABASE %I SET max_parallel_workers_per_gather = 0', current_database());
      EXECUTE format('ALTER DATABASE %I SET jit = off', current_database());
    END $$`);
  } catch (e) {
    if ((e as { code?: string }).code !== "42501") throw e;
    console.warn(
      "[migrate] The migrating role does not own the database: set max_parallel_workers_per_gather = 0 and jit = off for the app's role on the server (README: External PostgreSQL).",
    );
  } finally {
    await client.end();
  }
}

export async function migrateAndGrant({
  ownerUrl,
  appUrl,
}: {
  ownerUrl: string;
  appUrl: string;
}): Promise<string> {
  const result = await runPrisma(["migrate", "deploy"], {
    MIGRATE_DATABASE_URL: ownerUrl,
    DATABASE_URL: ownerUrl,
  });
  if (result.code !== 0) throw new Error(`prisma migrate deploy failed:\n${result.output}`);
  // Before the grants: a partition made now has the app role's rights revoked
  // by its maker, and the grants below reach only the tables of public.
  await ensureLogPartitions(ownerUrl);
  await staleStoredEvaluations(ownerUrl);
  await planForShortStatements(ownerUrl);
  const owner = roleOf(ownerUrl);
  const app = roleOf(appUrl);
  if (app && app !== owner) await grantAppRole(ownerUrl, app);
  return result.output;
}

/**
 * The part of the app-role check that needs no tables: run before migrating,
 * so a superuser app role is refused before anything is applied.
 */
export async function refuseSuperuserAppRole(appUrl: string): Promise<string | undefined> {
  const client = new pg.Client({ connectionString: appUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ superuser: boolean }>(
      "SELECT rolsuper AS superuser FROM pg_roles WHERE rolname = current_user",
    );
    return rows[0]?.superuser
      ? "DATABASE_URL connects as a superuser, which could rewrite the access log. Use a non-superuser app role (README: External PostgreSQL)."
      : undefined;
  } finally {
    await client.end();
  }
}
