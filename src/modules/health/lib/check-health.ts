import "server-only";
import { systemDb } from "@/lib/db/client";
import { compareMigrations, expectedMigrations, type AppliedMigration } from "@/lib/db/migrations";

export type Health = {
  status: "ok" | "error";
  database: "ok" | "unreachable" | "unknown";
  migrations: string;
};

const unavailable = (database: Health["database"], migrations: string) =>
  ({ httpStatus: 503, body: { status: "error", database, migrations } }) as const;

/** Database reachable and every migration of this build applied: 200; else 503 naming what failed. */
export async function checkHealth(): Promise<{ httpStatus: 200 | 503; body: Health }> {
  let expected: string[];
  try {
    expected = expectedMigrations();
  } catch {
    return unavailable("unknown", "prisma/migrations is not readable");
  }
  let applied: AppliedMigration[];
  try {
    const rows = await systemDb().$queryRaw<{ name: string; finished: boolean; rolled_back: boolean }[]>`
      SELECT migration_name AS name, finished_at IS NOT NULL AS finished, rolled_back_at IS NOT NULL AS rolled_back
      FROM _prisma_migrations`;
    applied = rows.map((r) => ({ name: r.name, finished: r.finished, rolledBack: r.rolled_back }));
  } catch (error) {
    // 42P01 undefined_table; the adapter may carry it only in the message.
    const text =
      error instanceof Error
        ? `${error.message} ${JSON.stringify((error as { meta?: unknown }).meta ?? {})}`
        : "";
    const missingTable =
      /42P01/.test(text) || (/_prisma_migrations/.test(text) && /does not exist/.test(text));
    return missingTable ? unavailable("ok", "not applied") : unavailable("unreachable", "unknown");
  }
  const state = compareMigrations(expected, applied);
  if (state.state === "up to date") {
    return { httpStatus: 200, body: { status: "ok", database: "ok", migrations: "up to date" } };
  }
  return unavailable("ok", `${state.state}: ${state.names.join(", ")}`);
}
