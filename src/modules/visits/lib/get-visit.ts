import "server-only";
// A consultant visit with its agenda, as the visit page and its A4 print view
// show it: for each patient, where the episode stands as of the visit's date
// (week, baseline → latest, every score, the open flags and why), the question
// asked, and the recommendation recorded for the item with who has read it.
import type { DbTx } from "@/lib/db/client";
import { fromDbDate } from "@/lib/dates";
import { endOfStockholmDay, type LocalDate } from "@/lib/local-date";
import type { UseCaseActor } from "@/modules/auth/actor";
import { evaluateEpisode } from "@/modules/clinical/rules/evaluate";
import { scoreSeries } from "@/modules/clinical/rules/facts";
import { loadFacts, loadUnitSettings } from "@/modules/episodes/lib/facts";
import { withVisit } from "@/modules/patient-data/lib/scoped";
import { computeReviewList } from "@/modules/review/lib/review-list";
import { staffNames } from "@/modules/auth/lib/staff-names";

export const getVisit = ({ actor, visitId }: { actor: UseCaseActor; visitId: string }) =>
  withVisit(
    {
      actor,
      visitId,
      permission: "clinical:read",
      attempt: { action: "READ", target: `visit:${visitId}` },
      access: (v: { unitId: string; items: { patientId: string }[]; candidates: { patientId: string }[] }) =>
        [...v.items, ...v.candidates].map((i) => ({
          action: "READ",
          unitId: v.unitId,
          patientId: i.patientId,
          target: `visit:${visitId}`,
        })),
    },
    async (db, visit) => loadVisit(db, visit),
  );

export type VisitView = Awaited<ReturnType<typeof loadVisit>>;

async function loadVisit(
  db: DbTx,
  visit: { id: string; unitId: string; date: Date; psychiatristId: string },
) {
  const date: LocalDate = fromDbDate(visit.date);
  const unit = await db.unit.findUniqueOrThrow({ where: { id: visit.unitId }, select: { name: true } });
  const items = await db.visitItem.findMany({
    where: { visitId: visit.id },
    orderBy: { position: "asc" },
    include: {
      episode: {
        select: {
          id: true,
          patientId: true,
          startDate: true,
          careManagerId: true,
          gpId: true,
          patient: { select: { givenName: true, familyName: true, personnummer: true } },
        },
      },
      recommendation: { include: { receipts: true } },
    },
  });
  const episodes = items.map((i) => i.episode);
  const facts = await loadFacts(db, episodes, date);
  const settings = (await loadUnitSettings(db, [visit.unitId], date)).get(visit.unitId)!;
  // The question on the agenda: the latest one asked by the visit's day.
  const requests = await db.reviewRequest.findMany({
    where: { episodeId: { in: episodes.map((e) => e.id) }, requestedAt: { lt: endOfStockholmDay(date) } },
    orderBy: { requestedAt: "desc" },
    select: { episodeId: true, question: true, answer: true },
  });
  // Who else could be on it: the review list as of the visit's date, less the agenda.
  const onAgenda = new Set(episodes.map((e) => e.id));
  const list = await computeReviewList(db, [visit.unitId], date, true);
  const candidates = list.items.filter((i) => !onAgenda.has(i.episodeId));

  const staffIds = new Set<string>([visit.psychiatristId]);
  for (const i of items) {
    for (const id of [i.episode.gpId, i.episode.careManagerId]) if (id) staffIds.add(id);
    for (const r of i.recommendation?.receipts ?? []) staffIds.add(r.userId);
  }
  const staff = await staffNames(db, staffIds);
  const name = (id: string | null) => (id ? (staff.get(id) ?? "") : null);

  return {
    id: visit.id,
    unitId: visit.unitId,
    unitName: unit.name,
    date,
    psychiatristId: visit.psychiatristId,
    psychiatrist: name(visit.psychiatristId) ?? "",
    settings: settings.rules,
    items: items.map((i) => {
      const f = facts.get(i.episodeId)!;
      const evaluation = evaluateEpisode(f, date, settings.rules, { withSince: false });
      return {
        id: i.id,
        kind: i.kind,
        time: i.time,
        episodeId: i.episodeId,
        patientId: i.episode.patientId,
        patient: i.episode.patient,
        gp: name(i.episode.gpId),
        careManager: name(i.episode.careManagerId),
        evaluation,
        scores: scoreSeries(f),
        question: requests.find((r) => r.episodeId === i.episodeId) ?? null,
        recommendation: i.recommendation && {
          id: i.recommendation.id,
          text: i.recommendation.text,
          createdAt: i.recommendation.createdAt,
          receipts: i.recommendation.receipts.map((r) => ({
            userId: r.userId,
            name: name(r.userId) ?? "",
            role: r.role,
            readAt: r.readAt,
          })),
        },
      };
    }),
    candidates: candidates.map((c) => ({
      episodeId: c.episodeId,
      patientId: c.patientId,
      name: `${c.names.familyName}, ${c.names.givenName}`,
      flags: c.flags,
    })),
  };
}
