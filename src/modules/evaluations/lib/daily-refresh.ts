import "server-only";
// The daily refresh's clock: once at start, then every day at 00:05
// Stockholm time, so that flags that open as days pass are stored before the
// first user of the day asks. Run by the launcher (npm start) beside the web
// server, with a database client of its own; a region with several app
// servers may instead run `npm run evaluations:refresh` from cron (running
// both is harmless: a refresh skips rows already of today).
import type { PrismaClient } from "@/generated/prisma/client";
import { now } from "@/lib/clock";
import { addDays, stockholmDate, stockholmMidnight } from "@/lib/local-date";
import { refreshSummaries } from "./summaries";

/** Milliseconds from `at` to the next 00:05 in Stockholm. */
export function untilNextRefresh(at: Date): number {
  const next = stockholmMidnight(addDays(stockholmDate(at), 1)).getTime() + 5 * 60_000;
  return next - at.getTime();
}

/** Starts the daily refresh; the returned function stops it. */
export function scheduleDailyRefresh(db: PrismaClient, log: (m: string) => void): () => void {
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  const run = async () => {
    const started = Date.now();
    try {
      const n = await refreshSummaries(db);
      log(`Stored evaluations refreshed: ${n} open episodes re-evaluated in ${Date.now() - started} ms.`);
    } catch (e) {
      // The lists stay right without it (a reader re-evaluates a row of another day); say so and try tomorrow.
      // (Stopping the launcher ends a refresh under way: nothing to say then.)
      if (!stopped)
        log(`The daily refresh of stored evaluations failed: ${e instanceof Error ? e.message : String(e)}`);
    }
    if (!stopped) timer = setTimeout(() => void run(), untilNextRefresh(now())).unref();
  };
  void run();
  return () => {
    stopped = true;
    clearTimeout(timer);
  };
}
