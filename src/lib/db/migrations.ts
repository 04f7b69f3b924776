// Which migrations this build expects, read from prisma/migrations: the health
// check compares them with what the database has applied.
import fs from "node:fs";
import path from "node:path";

export function expectedMigrations(root = process.cwd()): string[] {
  const dir = path.join(root, "prisma", "migrations");
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && fs.existsSync(path.join(dir, d.name, "migration.sql")))
    .map((d) => d.name)
    .sort();
}

export type AppliedMigration = { name: string; finished: boolean; rolledBack: boolean };

export type MigrationState =
  { state: "up to date" } | { state: "pending"; names: string[] } | { state: "failed"; names: string[] };

/** Pure comparison of expected and applied migrations. Failed wins over pending. */
export function compareMigrations(expected: string[], applied: AppliedMigration[]): MigrationState {
  const failed = applied.filter((m) => !m.finished && !m.rolledBack).map((m) => m.name);
  if (failed.length) return { state: "failed", names: failed };
  const done = new Set(applied.filter((m) => m.finished && !m.rolledBack).map((m) => m.name));
  const pending = expected.filter((n) => !done.has(n));
  return pending.length ? { state: "pending", names: pending } : { state: "up to date" };
}
