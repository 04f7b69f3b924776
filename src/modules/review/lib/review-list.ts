import "server-only";
import { CLINICAL_READERS, type UseCaseActor } from "@/lib/actor";
import { authorize } from "@/lib/authorize";
import { db } from "@/lib/db/client";
import { fromDbDate, toDbDate, todayInStockholm } from "@/lib/dates";
import { recordAccessMany } from "@/modules/audit/lib/record-access";
import { evaluateEpisode, type EpisodeFacts } from "@/modules/clinical/rules/evaluate";
import type { LocalDate } from "@/modules/clinical/rules/local-date";
import { loadRuleSettings, toCoreContact, toCoreStatusChange } from "@/modules/episodes/lib/facts";
import { orderReviewList } from "../rules/order";

/**
 * Episodes that may have an open psychiatrist-routed flag as of asOf: open on
 * that date, and either long enough in treatment for NO_RESPONSE or
 * TWELVE_WEEK_DECISION, or with a score that could raise SAFETY_RISK or
 * SEVERE, or with a review request. A superset: the clinical core decides.
 * Thresholds are each unit's settings (domain.md's defaults when unset).
 */
async function candidateIds(unitIds: string[], asOf: LocalDate): Promise<string[]> {
  const rows = await db().$queryRaw<{ id: string }[]>`
    SELECT e.id
    FROM episode e
    JOIN patient p ON p.id = e.patient_id
    LEFT JOIN unit_settings s ON s.unit_id = p.unit_id
    WHERE p.unit_id = ANY(${unitIds}::uuid[])
      AND e.start_date <= ${toDbDate(asOf)}::date
      AND (e.closed_date IS NULL OR e.closed_date > ${toDbDate(asOf)}::date)
      AND (
        e.start_date <= ${toDbDate(asOf)}::date - LEAST(COALESCE(s.no_response_days, 56), COALESCE(s.twelve_week_days, 84))
        OR EXISTS (
          SELECT 1 FROM contact c
          WHERE c.episode_id = e.id AND c.date <= ${toDbDate(asOf)}::date
            AND (c.item9 >= COALESCE(s.safety_risk_item9, 4) OR c.madrs_total >= COALESCE(s.severe_total, 35)))
        OR EXISTS (
          SELECT 1 FROM review_request r
          WHERE r.episode_id = e.id AND (r.requested_at AT TIME ZONE 'Europe/Stockholm')::date <= ${toDbDate(asOf)}::date)
      )`;
  return rows.map((r) => r.id);
}

/** All the facts of many episodes in four queries, grouped per episode. */
async function loadFactsMany(episodeIds: string[]) {
  const where = { episodeId: { in: episodeIds } };
  const [episodes, contacts, changes, handlings, requests] = await Promise.all([
    db().episode.findMany({
      where: { id: { in: episodeIds } },
      include: { patient: { select: { unitId: true } } },
    }),
    db().contact.findMany({ where }),
    db().episodeStatusChange.findMany({ where }),
    db().flagHandling.findMany({ where, select: { episodeId: true, code: true, handledAt: true } }),
    db().reviewRequest.findMany({ where, select: { episodeId: true, requestedAt: true } }),
  ]);
  const facts = new Map<string, EpisodeFacts & { contacts: EpisodeFacts["contacts"][number][] }>();
  for (const e of episodes) {
    facts.set(e.id, {
      startDate: fromDbDate(e.startDate),
      contacts: [],
      statusChanges: [],
      handlings: [],
      reviewRequests: [],
    });
  }
  const push = <K extends "contacts" | "statusChanges" | "handlings" | "reviewRequests">(
    id: string,
    key: K,
    value: EpisodeFacts[K][number],
  ) => (facts.get(id)![key] as EpisodeFacts[K][number][]).push(value);
  for (const c of contacts) push(c.episodeId, "contacts", toCoreContact(c));
  for (const s of changes) push(s.episodeId, "statusChanges", toCoreStatusChange(s));
  for (const h of handlings) push(h.episodeId, "handlings", { code: h.code, handledAt: h.handledAt });
  for (const r of requests) push(r.episodeId, "reviewRequests", { requestedAt: r.requestedAt });
  return { episodes, facts };
}

const BATCH = 2_000;

/**
 * The review list as of a date (today by default) for the actor's units, or one
 * of them: pre-filtered in SQL, decided by the clinical core, in domain.md's
 * priority order. Every listed patient is a logged read.
 */
export async function reviewList({
  actor,
  asOf = todayInStockholm(),
  unitId,
  requestId,
}: {
  actor: UseCaseActor;
  asOf?: LocalDate;
  unitId?: string;
  requestId?: string;
}) {
  authorize(actor, { unitId, roles: CLINICAL_READERS });
  const unitIds = unitId ? [unitId] : actor.unitIds;
  const settingsByUnit = new Map(
    await Promise.all(unitIds.map(async (u) => [u, await loadRuleSettings(db(), u)] as const)),
  );

  const ids = await candidateIds(unitIds, asOf);
  const items = [];
  for (let i = 0; i < ids.length; i += BATCH) {
    const { episodes, facts } = await loadFactsMany(ids.slice(i, i + BATCH));
    for (const e of episodes) {
      const evaluation = evaluateEpisode(facts.get(e.id)!, asOf, settingsByUnit.get(e.patient.unitId)!, {
        withSince: false,
      });
      if (!evaluation.flags.length) continue;
      items.push({
        episodeId: e.id,
        patientId: e.patientId,
        unitId: e.patient.unitId,
        week: evaluation.week!,
        daysInTreatment: evaluation.daysInTreatment,
        baseline: evaluation.baseline,
        latest: evaluation.latest,
        reduction: evaluation.reduction,
        flags: evaluation.flags.map((f) => f.code),
      });
    }
  }
  const ordered = orderReviewList(items);
  await recordAccessMany(
    db(),
    ordered.map((item) => ({
      action: "READ",
      userId: actor.userId,
      username: actor.username,
      unitId: item.unitId,
      patientId: item.patientId,
      target: `review-list?asOf=${asOf}`,
      requestId,
    })),
  );
  return { asOf, items: ordered };
}
