// What the benchmarks share: a throw-away database with its owner connection,
// and the key lines of a query plan.
import pg from "pg";
import { startTestDatabase } from "../support/test-database";

/** Prints the plan's scans, joins and execution time of a query, run for real (EXPLAIN ANALYZE). */
export async function printPlan(owner: pg.Client, label: string, text: string, values: unknown[]) {
  const { rows } = await owner.query<{ "QUERY PLAN": string }>(
    `EXPLAIN (ANALYZE, BUFFERS, COSTS OFF, SUMMARY ON) ${text}`,
    values,
  );
  const key = rows
    .map((r) => r["QUERY PLAN"])
    .filter((l) => /Scan|Join|Loop|Append|Execution Time/.test(l) && !l.includes("never executed"))
    .map((l) => l.replace(/\(actual.*?\)/, "").replace(/\s+$/, ""));
  console.log(`\nplan: ${label}\n${key.join("\n")}`);
}

/**
 * Runs a benchmark on a fresh embedded PostgreSQL: the app's client connects
 * as the app role (DATABASE_URL), `owner` as the schema's owner; everything is
 * stopped afterwards, whatever happens.
 */
export async function withBenchDatabase(run: (owner: pg.Client) => Promise<void>) {
  const database = await startTestDatabase();
  process.env.DATABASE_URL = database.appUrl;
  const owner = new pg.Client({ connectionString: database.ownerUrl });
  await owner.connect();
  try {
    await run(owner);
  } finally {
    await owner.end();
    const { disconnectDb } = await import("@/lib/db/client");
    await disconnectDb();
    await database.stop();
  }
}
