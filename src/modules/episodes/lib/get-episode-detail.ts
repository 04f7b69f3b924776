import "server-only";
import { fromDbDate, toDbDate } from "@/lib/dates";
import type { LocalDate } from "@/lib/local-date";
import type { UseCaseActor } from "@/modules/auth/actor";
import { toContactView } from "@/modules/contacts/lib/contact-view";
import { withEpisode } from "@/modules/patient-data/lib/scoped";
import { evaluateStoredEpisode } from "./evaluate-episode";

/** Everything the episode page shows, as of a date; one logged read. */
export const getEpisodeDetail = ({
  actor,
  episodeId,
  asOf,
}: {
  actor: UseCaseActor;
  episodeId: string;
  asOf: LocalDate;
}) =>
  withEpisode(
    {
      actor,
      episodeId,
      permission: "clinical:read",
      access: { action: "READ", target: `episode:${episodeId}?asOf=${asOf}` },
    },
    async (tx, episode) => {
      const view = await evaluateStoredEpisode(tx, episode, asOf);
      // One query at a time: a transaction's connection takes one at a time.
      const patient = await tx.patient.findUniqueOrThrow({
        where: { id: episode.patientId },
        include: { unit: { select: { name: true } } },
      });
      const contacts = await tx.contact.findMany({
        where: { episodeId, date: { lte: toDbDate(asOf) } },
        orderBy: [{ date: "desc" }, { recordedAt: "desc" }],
      });
      const handlings = await tx.flagHandling.findMany({
        where: { episodeId },
        orderBy: { handledAt: "desc" },
        take: 20,
      });
      const requests = await tx.reviewRequest.findMany({
        where: { episodeId },
        orderBy: { requestedAt: "desc" },
        take: 5,
      });
      const staffIds = [
        ...new Set([...handlings.map((h) => h.handledById), ...requests.map((r) => r.requestedById)]),
      ];
      const staff = new Map(
        (
          await tx.user.findMany({ where: { id: { in: staffIds } }, select: { id: true, displayName: true } })
        ).map((u) => [u.id, u.displayName]),
      );
      return {
        episode: view,
        patient: {
          id: patient.id,
          givenName: patient.givenName,
          familyName: patient.familyName,
          personnummer: patient.personnummer,
          phone: patient.phone,
        },
        unitName: patient.unit.name,
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
    },
  );
