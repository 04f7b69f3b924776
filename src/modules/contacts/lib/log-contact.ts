import "server-only";
import type { DbTx } from "@/lib/db/client";
import { fromDbDate, toDbDate } from "@/lib/dates";
import { AppError } from "@/lib/errors";
import type { UseCaseActor } from "@/modules/auth/actor";
import { itemColumns } from "@/modules/episodes/lib/facts";
import { pendingSelfReports } from "@/modules/self-report/lib/pending";
import { withEpisode } from "@/modules/patient-data/lib/scoped";
import type { TLogContact } from "../schemas";
import { toContactView } from "./contact-view";

const keyReused = () =>
  new AppError("CONFLICT", {
    userMessage:
      "Formuläret har redan sparat en annan kontakt. Inget nytt sparades; ladda om sidan och registrera kontakten igen.",
    details: { reason: "idempotency-key-reused" },
  });

/** Is the saved contact the one now sent (its replay), field by field? */
const sameContact = (saved: ReturnType<typeof toContactView>, input: TLogContact) =>
  saved.date === input.date &&
  saved.time === (input.time ?? null) &&
  saved.type === input.type &&
  saved.counterpart === input.counterpart &&
  saved.reached === input.reached &&
  JSON.stringify(saved.madrsS) === JSON.stringify(input.madrsS ?? null) &&
  saved.sickLeave === (input.sickLeave ?? null) &&
  saved.durationMinutes === (input.durationMinutes ?? null) &&
  saved.note === (input.note ?? null) &&
  saved.nextPlannedDate === (input.nextPlannedDate ?? null) &&
  saved.selfReportId === (input.selfReportId ?? null);

/**
 * Logs a contact or an attempt, with its MADRS-S when the patient was reached.
 * With an idempotency key, a contact sent twice (a double click, a resubmitted
 * form, a retried request) is saved once: the second answer is the contact
 * already saved. The episode's row lock orders two such requests; the unique
 * index is the database's guarantee.
 */
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
      onUniqueViolation: async () => keyReused(),
    },
    (tx, episode) => logContactIn(tx, actor, episode, input),
  );

/**
 * The work of logging a contact, inside a transaction that has already scoped
 * and authorized the episode (logContact, or enrollment's first meeting).
 */
export async function logContactIn(
  tx: DbTx,
  actor: UseCaseActor,
  episode: { id: string; startDate: Date; closedDate: Date | null },
  input: TLogContact,
) {
  const episodeId = episode.id;
  if (input.idempotencyKey) {
    const saved = await tx.contact.findUnique({ where: { idempotencyKey: input.idempotencyKey } });
    if (saved && saved.episodeId !== episodeId) throw keyReused();
    // The same contact sent again is answered with the one saved; another contact under the
    // same key is refused, never dropped in silence.
    if (saved && !sameContact(toContactView(saved), input)) throw keyReused();
    if (saved) return toContactView(saved);
  }
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
  if (input.selfReportId) await checkSelfReportReference(tx, episodeId, input.selfReportId, input.date);
  const items = input.madrsS;
  const contact = await tx.contact.create({
    data: {
      episodeId,
      date: toDbDate(input.date),
      time: input.time ?? null,
      type: input.type,
      counterpart: input.counterpart,
      reached: input.reached,
      ...(items ? itemColumns(items) : {}),
      sickLeave: input.sickLeave ?? null,
      durationMinutes: input.durationMinutes ?? null,
      note: input.note ?? null,
      nextPlannedDate: input.nextPlannedDate ? toDbDate(input.nextPlannedDate) : null,
      selfReportId: input.selfReportId ?? null,
      authorId: actor.userId,
      idempotencyKey: input.idempotencyKey ?? null,
    },
  });
  return toContactView(contact);
}

/**
 * A call may refer to the patient's self-report instead of repeating its items
 * (domain.md): the episode's newest self-report that waits for a call (see
 * pendingSelfReports), submitted on or before the call's date. Under the episode's row lock, so two
 * calls cannot both take it (the unique index is the database's guarantee).
 */
async function checkSelfReportReference(tx: DbTx, episodeId: string, selfReportId: string, date: string) {
  const report = await tx.contact.findFirst({
    where: { id: selfReportId, episodeId, type: "SELF_REPORT" },
    select: { date: true, referredBy: { select: { id: true } } },
  });
  const refuse = (message: string) =>
    new AppError("UNPROCESSABLE", { userMessage: message, fieldErrors: { selfReportId: [message] } });
  if (!report) throw refuse("Självskattningen hör inte till denna insats.");
  if (report.referredBy) throw refuse("Ett annat samtal utgår redan från denna självskattning.");
  if (fromDbDate(report.date) > date)
    throw refuse(`Självskattningen lämnades ${fromDbDate(report.date)}, efter samtalets datum.`);
  // "The following call" (domain.md): the newest self-report still waiting, with no conversation since.
  if ((await pendingSelfReports(tx, [episodeId], date)).get(episodeId)?.id !== selfReportId)
    throw refuse(
      "Ett samtal med patienten har redan följt efter självskattningen; registrera en ny skattning.",
    );
}
