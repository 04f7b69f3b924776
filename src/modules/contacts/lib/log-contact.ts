import "server-only";
import { fromDbDate, toDbDate } from "@/lib/dates";
import { AppError } from "@/lib/errors";
import type { UseCaseActor } from "@/modules/auth/actor";
import { madrsTotal } from "@/modules/clinical/rules/madrs";
import { withEpisode } from "@/modules/patient-data/lib/scoped";
import type { TLogContact } from "../schemas";
import { toContactView } from "./contact-view";

/** Logs a contact or an attempt, with its MADRS-S when the patient was reached. */
export const logContact = ({
  actor,
  episodeId,
  input,
}: {
  actor: UseCaseActor;
  episodeId: string;
  input: TLogContact;
}) =>
  withEpisode(
    {
      actor,
      episodeId,
      permission: "clinical:write",
      // The row lock keeps a contact and a concurrent closing of the episode in order.
      lock: true,
      access: { action: "CREATE", target: (contact: { id: string }) => `contact:${contact.id}` },
    },
    async (tx, episode) => {
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
      return toContactView(contact);
    },
  );
