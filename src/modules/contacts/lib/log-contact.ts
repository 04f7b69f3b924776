import "server-only";
import type { Contact } from "@/generated/prisma/client";
import { CLINICAL_WRITERS, type UseCaseActor } from "@/lib/actor";
import { authorize } from "@/lib/authorize";
import { db } from "@/lib/db/client";
import { fromDbDate, toDbDate } from "@/lib/dates";
import { AppError } from "@/lib/errors";
import { recordPatientAccess } from "@/modules/audit/lib/record-access";
import { madrsTotal } from "@/modules/clinical/rules/madrs";
import { findEpisodeInScope } from "@/modules/episodes/lib/episode-scope";
import { contactItems } from "@/modules/episodes/lib/facts";
import type { TLogContact } from "../schemas";

export const toContactView = (c: Contact) => ({
  id: c.id,
  episodeId: c.episodeId,
  date: fromDbDate(c.date),
  time: c.time,
  type: c.type,
  counterpart: c.counterpart,
  reached: c.reached,
  madrsS: contactItems(c),
  madrsSTotal: c.madrsTotal,
  sickLeave: c.sickLeave,
  durationMinutes: c.durationMinutes,
  note: c.note,
  nextPlannedDate: c.nextPlannedDate ? fromDbDate(c.nextPlannedDate) : null,
  authorId: c.authorId,
  recordedAt: c.recordedAt.toISOString(),
});

/** Logs a contact or an attempt, with its MADRS-S when the patient was reached. */
export async function logContact({
  actor,
  episodeId,
  input,
  requestId,
}: {
  actor: UseCaseActor;
  episodeId: string;
  input: TLogContact;
  requestId?: string;
}) {
  return db().$transaction(async (tx) => {
    // The row lock keeps a contact and a concurrent closing of the episode in order.
    const episode = await findEpisodeInScope(tx, actor, episodeId, { lock: true });
    authorize(actor, { roles: CLINICAL_WRITERS });
    const start = fromDbDate(episode.startDate);
    if (input.date < start) {
      throw new AppError("UNPROCESSABLE", {
        userMessage: `Kontakten kan inte vara före insatsens start (${start}).`,
        fieldErrors: { date: [`Välj ett datum från ${start}.`] },
      });
    }
    if (episode.closedDate && input.date > fromDbDate(episode.closedDate)) {
      const closed = fromDbDate(episode.closedDate);
      throw new AppError("UNPROCESSABLE", {
        userMessage: `Insatsen avslutades ${closed}; kontakter efter det kan inte registreras.`,
        fieldErrors: { date: [`Välj ett datum till och med ${closed}.`] },
      });
    }
    const items = input.madrsS;
    const contact = await tx.contact.create({
      data: {
        episodeId,
        date: toDbDate(input.date),
        time: input.time ?? null,
        type: input.type,
        counterpart: input.counterpart,
        reached: input.reached,
        ...(items
          ? {
              item1: items[0],
              item2: items[1],
              item3: items[2],
              item4: items[3],
              item5: items[4],
              item6: items[5],
              item7: items[6],
              item8: items[7],
              item9: items[8],
              madrsTotal: madrsTotal(items),
            }
          : {}),
        sickLeave: input.sickLeave ?? null,
        durationMinutes: input.durationMinutes ?? null,
        note: input.note ?? null,
        nextPlannedDate: input.nextPlannedDate ? toDbDate(input.nextPlannedDate) : null,
        authorId: actor.userId,
      },
    });
    await recordPatientAccess(tx, actor, {
      action: "CREATE",
      unitId: episode.patient.unitId,
      patientId: episode.patientId,
      target: `contact:${contact.id}`,
      requestId,
    });
    return toContactView(contact);
  });
}
