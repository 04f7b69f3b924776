import "server-only";
import type { PrismaClient } from "@/generated/prisma/client";
import { env } from "@/lib/env";
import { createPrismaClient } from "./create-client";

/** A client or an interactive transaction: what data-access functions accept. */
export type DbTx = Omit<PrismaClient, "$connect" | "$disconnect" | "$on" | "$transaction" | "$extends">;

const globalForPrisma = globalThis as unknown as { samvardPrisma?: PrismaClient };

/**
 * The app's Prisma Client, unscoped: it sees every unit's patients. Patient
 * data goes through the scoped entries of modules/patient-data (withEpisode,
 * withPatient, withUnits), which filter by the actor's units in their first
 * query, authorize and write the access log. The alarming name is on purpose:
 * every other use is visible in review (and listed in system-db.test.ts).
 * Created on first use so that `next build` needs no DATABASE_URL.
 */
export function systemDb(): PrismaClient {
  if (!globalForPrisma.samvardPrisma) {
    const { DATABASE_URL, DB_POOL_MAX } = env();
    if (!DATABASE_URL) throw new Error("DATABASE_URL is not set (the launcher sets it in demo mode)");
    globalForPrisma.samvardPrisma = createPrismaClient(DATABASE_URL, DB_POOL_MAX);
  }
  return globalForPrisma.samvardPrisma;
}

/** Is this the app's pool itself, not a transaction (or another client)? */
export const isAppPool = (client: DbTx): boolean =>
  globalForPrisma.samvardPrisma !== undefined && client === globalForPrisma.samvardPrisma;

/** Closes the app's pool (commands and benchmarks that end their process). */
export async function disconnectDb(): Promise<void> {
  await globalForPrisma.samvardPrisma?.$disconnect();
  globalForPrisma.samvardPrisma = undefined;
}

/**
 * Runs queries one after the other inside an interactive transaction (its one
 * connection takes one query at a time; pg 9 will refuse overlapping ones),
 * and side by side on the app's pool. Anything but the pool itself counts as
 * a transaction: Prisma 7's transaction client has `$transaction` too (nested
 * transactions), so the client's shape cannot tell them apart.
 */
export async function queries<T extends readonly unknown[]>(
  client: DbTx,
  ...thunks: { [K in keyof T]: () => Promise<T[K]> }
): Promise<T> {
  if (client === globalForPrisma.samvardPrisma)
    return (await Promise.all(thunks.map((q) => q()))) as unknown as T;
  const out: unknown[] = [];
  for (const q of thunks) out.push(await q());
  return out as unknown as T;
}
