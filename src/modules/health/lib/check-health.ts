import "server-only";
import { db } from "@/lib/db/client";
import { compareMigrations, expectedMigrations, type AppliedMigration } from "@/lib/db/migrations";

export type Health = {
  status: "ok" | "error";
  database: "ok" | "unreachable";
  migrations: string;
};

/** Database reachable and every migration of this build applied: 200; else 503 naming what failed. */
export async function checkHealth(): Promise<{ httpStatus: 200 | 503; body: Health }> {
  let applied: AppliedMigration[];
  try {
    const rows = await db().$queryRaw<{ name: string; finished: boolean; rolled_back: boolean }[]>`
      SELECT migration_name AS name, finished_at IS NOT NULL AS finished, rolled_back_at IS NOT NULL AS rolled_back
      FROM _prisma_migrations`;
    applied = rows.map((r) => ({ name: r.name, finished: r.finished, rolledBack: r.rolled_back }));
  } catch (error) {
    const missingTable =
      error instanceof Error &&
      /_prisma_migrations/.test(error.message) &&
      /does not exist/.test(error.message);
    if (missingTable) {
      return { httpStatus: 503, body: { status: "error", database: "ok", migrations: "not applied" } };
    }
    return { httpStatus: 503, body: { status: "error", database: "unreachable", migrations: "unknown" } };
  }
  const state = compareMigrations(expectedMigrations(), applied);
  if (state.state === "up to date") {
    return { httpStatus: 200, body: { status: "ok", database: "ok", migrations: "up to date" } };
  }
  return {
    httpStatus: 503,
    body: { status: "error", database: "ok", migrations: `${state.state}: ${state.names.join(", ")}` },
  };
}
