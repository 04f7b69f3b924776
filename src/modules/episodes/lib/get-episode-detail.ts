import "server-only";
import { CLINICAL_READERS, type UseCaseActor } from "@/lib/actor";
import { authorize } from "@/lib/authorize";
import { db } from "@/lib/db/client";
import { fromDbDate, toDbDate } from "@/lib/dates";
import { recordPatientAccess } from "@/modules/audit/lib/record-access";
import type { LocalDate } from "@/modules/clinical/rules/local-date";
import { toContactView } from "@/modules/contacts/lib/log-contact";
import { findEpisodeInScope } from "./episode-scope";
import { evaluateStoredEpisode } from "./evaluate-episode";

/** Everything the episode page shows, as of a date; one logged read. */
export async function getEpisodeDetail({
  actor,
  episodeId,
  asOf,
  requestId,
}: {
  actor: UseCaseActor;
  episodeId: string;
  asOf: LocalDate;
  requestId?: string;
}) {
  return db().$transaction(async (tx) => {
    const episode = await findEpisodeInScope(tx, actor, episodeId);
    authorize(actor, { roles: CLINICAL_READERS });
    const [{ view }, patient, unit, contacts, handlings, requests] = await Promise.all([
      evaluateStoredEpisode(tx, episode, asOf),
      tx.patient.findUniqueOrThrow({ where: { id: episode.patientId } }),
      tx.unit.findUniqueOrThrow({ where: { id: episode.patient.unitId }, select: { name: true } }),
      tx.contact.findMany({
        where: { episodeId, date: { lte: toDbDate(asOf) } },
        orderBy: [{ date: "desc" }, { recordedAt: "desc" }],
      }),
      tx.flagHandling.findMany({ where: { episodeId }, orderBy: { handledAt: "desc" }, take: 20 }),
      tx.reviewRequest.findMany({ where: { episodeId }, orderBy: { requestedAt: "desc" }, take: 5 }),
    ]);
    const staffIds = [
      ...new Set([...handlings.map((h) => h.handledById), ...requests.map((r) => r.requestedById)]),
    ];
    const staff = new Map(
      (
        await tx.user.findMany({ where: { id: { in: staffIds } }, select: { id: true, displayName: true } })
      ).map((u) => [u.id, u.displayName]),
    );
    await recordPatientAccess(tx, actor, {
      action: "READ",
      unitId: episode.patient.unitId,
      patientId: episode.patientId,
      target: `episode:${episodeId}?asOf=${asOf}`,
      requestId,
    });
    return {
      episode: view,
      patient: {
        id: patient.id,
        givenName: patient.givenName,
        familyName: patient.familyName,
        personnummer: patient.personnummer,
        phone: patient.phone,
      },
      unitName: unit.name,
      contacts: contacts.map(toContactView),
      handlings: handlings.map((h) => ({
        id: h.id,
        code: h.code,
        note: h.note,
        handledAt: h.handledAt,
        by: staff.get(h.handledById) ?? "",
      })),
      reviewRequests: requests.map((r) => ({
        id: r.id,
        question: r.question,
        requestedAt: r.requestedAt,
        by: staff.get(r.requestedById) ?? "",
        answer: r.answer,
        answeredDate: r.answeredAt ? fromDbDate(r.answeredAt) : null,
      })),
    };
  });
}
