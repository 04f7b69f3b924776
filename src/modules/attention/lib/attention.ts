import "server-only";
import { Prisma } from "@/generated/prisma/client";
import { systemDb } from "@/lib/db/client";
import { todayInStockholm } from "@/lib/dates";
import type { LocalDate } from "@/lib/local-date";
import type { UseCaseActor } from "@/modules/auth/actor";
import { may } from "@/modules/auth/rules/permissions";
import { ownPatients } from "@/modules/caseload/lib/get-caseload";
import { roleFlags } from "@/modules/caseload/lib/get-flagged";
import { unansweredWhere } from "@/modules/flags/lib/unanswered-questions";
import { withUnits } from "@/modules/patient-data/lib/scoped";
import { unreadWhere } from "@/modules/recommendations/lib/unread";
import { countReviewList } from "@/modules/review/lib/review-list";

/** One thing waiting for the user in the header: how many, and the page that lists them. */
export type AttentionItem = {
  key: "flags" | "review-list" | "recommendations" | "questions";
  count: number;
  label: string;
  href: string;
};

/**
 * The header's counts of what waits for the user. The care manager and the
 * GP: the open flags routed to their role among their own patients, and the
 * recommendations addressed to them not yet read. The psychiatrist: the
 * Konsultlista of the units served as of today, and the unanswered questions.
 * The verksamhetschef reads no patient data: none.
 *
 * Counting flags reads the units' stored evaluations and evaluates the stale
 * ones (for a psychiatrist, countReviewList), so the counts are cached per user and recomputed only when a
 * write has been carried out in one of their units since (every write is
 * access-logged in its transaction: the latest logged write is the change
 * stamp, one index probe per unit), when the day changes, or after at most
 * `TTL_MS` (a write that commits out of order, or a change no use case logs).
 *
 * The counts name no patient and are not logged as reads; the pages they link
 * to log every patient they show. The header fetches them after the page has
 * rendered (GET /api/attention), so a recount never holds a page up.
 */
export async function getAttention(actor: UseCaseActor): Promise<AttentionItem[]> {
  if (!may(actor.role, "clinical:read") || actor.unitIds.length === 0) return [];
  const today = todayInStockholm();
  const key = `${actor.userId}|${actor.role}|${[...actor.unitIds].sort().join(",")}|${today}`;
  const stamp = await changeStamp(actor.unitIds);
  const cached = cache.get(key);
  if (cached && cached.stamp === stamp && Date.now() - cached.at < TTL_MS) return cached.items;
  // Requests that find the same change at once (two tabs, a burst of navigations) share one count.
  const flightKey = `${key}|${stamp}`;
  const pending = inFlight.get(flightKey);
  if (pending) return pending;
  const counting = countAttention(actor, today)
    .then((items) => {
      remember(key, { stamp, at: Date.now(), items });
      return items;
    })
    .finally(() => inFlight.delete(flightKey));
  inFlight.set(flightKey, counting);
  return counting;
}

const inFlight = new Map<string, Promise<AttentionItem[]>>();

export const TTL_MS = 60_000;
const MAX_ENTRIES = 5_000;
const cache = new Map<string, { stamp: string; at: number; items: AttentionItem[] }>();

function remember(key: string, entry: { stamp: string; at: number; items: AttentionItem[] }) {
  cache.delete(key);
  cache.set(key, entry);
  // Oldest first: a Map iterates in insertion order.
  for (const old of cache.keys()) {
    if (cache.size <= MAX_ENTRIES) break;
    cache.delete(old);
  }
}

/** For tests: forget every cached count. */
export function clearAttentionCache() {
  cache.clear();
}

/**
 * The time of the latest carried-out write in any of the units in the last
 * day (the partial index access_log_unit_writes), "" with none. Only the last
 * day: any write after a count is newer than that, and the log's monthly
 * partitions before it are not probed (ten years are 120 partitions: a probe
 * of each per unit took 13–19 ms for ten units).
 */
export async function changeStamp(unitIds: readonly string[]): Promise<string> {
  const rows = await systemDb().$queryRaw<{ stamp: Date | null }[]>(changeStampSql(unitIds));
  return rows[0]?.stamp?.toISOString() ?? "";
}

/** One index probe per unit, newest first, in the partitions of the last day. */
export const changeStampSql = (unitIds: readonly string[]) => Prisma.sql`
  SELECT max(w.at) AS stamp
  FROM unnest(${[...unitIds]}::uuid[]) AS u(id)
  CROSS JOIN LATERAL (
    SELECT at FROM access_log
    WHERE unit_id = u.id AND action IN ('CREATE', 'UPDATE') AND refusal IS NULL
      AND at > now() - interval '1 day'
    ORDER BY at DESC LIMIT 1
  ) w`;

/**
 * The counts themselves, scoped to the actor's units in the first query of
 * each, with the same conditions as the pages they link to.
 */
export const countAttention = (actor: UseCaseActor, today: LocalDate) =>
  withUnits(
    {
      actor,
      permission: "clinical:read",
      attempt: { action: "READ", target: "attention" },
      access: () => [],
    },
    async (db, unitIds): Promise<AttentionItem[]> => {
      const items: AttentionItem[] = [];
      if (may(actor.role, "review:conduct")) {
        const [count, questions] = await Promise.all([
          countReviewList(db, unitIds, today),
          db.reviewRequest.count({ where: unansweredWhere(unitIds) }),
        ]);
        items.push(
          { key: "review-list", count, label: "på konsultlistan", href: "/konsultlista" },
          { key: "questions", count: questions, label: unanswered(questions), href: "/konsultlista#fragor" },
        );
      } else {
        // "Flaggade patienter" as it opens: the role's flags among the user's own patients.
        const flags = (await roleFlags(db, actor, { unitIds, asOf: today, own: ownPatients(actor) })).length;
        items.push({
          key: "flags",
          count: flags,
          label: flags === 1 ? "flagga" : "flaggor",
          href: "/flaggor",
        });
        // On the care manager's and the GP's start page until "Tagen del av".
        const unread = await db.recommendationReceipt.count({ where: unreadWhere(actor, unitIds) });
        items.push({ key: "recommendations", count: unread, label: "att läsa", href: "/#unread" });
      }
      return items.filter((i) => i.count > 0);
    },
  );

const unanswered = (n: number) => (n === 1 ? "obesvarad fråga" : "obesvarade frågor");
