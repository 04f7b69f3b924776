import "server-only";
import { Prisma } from "@/generated/prisma/client";
import type { DbTx } from "@/lib/db/client";
import { fromDbDate } from "@/lib/dates";
import type { LocalDate } from "@/lib/local-date";

export type PendingSelfReport = { id: string; date: LocalDate; total: number; livslust: number };

/**
 * Each episode's newest self-report that waits for the care manager: no call
 * has referred to it, and no conversation with the patient was logged (dated
 * on or after it) since it came in. One query for many episodes; callers scope
 * the episode ids to the actor's units first.
 */
export async function pendingSelfReports(
  db: DbTx,
  episodeIds: readonly string[],
  asOf: LocalDate,
): Promise<Map<string, PendingSelfReport>> {
  if (episodeIds.length === 0) return new Map();
  const rows = await db.$queryRaw<
    { episode_id: string; id: string; date: Date; madrs_total: number; item9: number }[]
  >(Prisma.sql`
    SELECT DISTINCT ON (c.episode_id) c.episode_id, c.id, c.date, c.madrs_total, c.item9
    FROM contact c
    WHERE c.episode_id = ANY(${[...episodeIds]}::uuid[]) AND c.type = 'SELF_REPORT' AND c.date <= ${asOf}::date
      AND NOT EXISTS (SELECT 1 FROM contact r WHERE r.self_report_id = c.id)
      AND NOT EXISTS (
        SELECT 1 FROM contact k
        WHERE k.episode_id = c.episode_id AND k.type <> 'SELF_REPORT' AND k.reached
          AND k.counterpart = 'PATIENT' AND k.date >= c.date AND k.recorded_at > c.recorded_at)
    ORDER BY c.episode_id, c.recorded_at DESC`);
  return new Map(
    rows.map((r) => [
      r.episode_id,
      { id: r.id, date: fromDbDate(r.date), total: r.madrs_total, livslust: r.item9 },
    ]),
  );
}
