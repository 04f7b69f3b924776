import "server-only";
import { fromDbDate, toDbDate, todayInStockholm } from "@/lib/dates";
import { AppError } from "@/lib/errors";
import type { LocalDate } from "@/lib/local-date";
import { STATUS_LABEL, type EpisodeStatus } from "@/lib/vocabulary";
import type { UseCaseActor } from "@/modules/auth/actor";
import { isOpenStatus } from "@/modules/clinical/rules/facts";
import { withEpisode } from "@/modules/patient-data/lib/scoped";
import { refuseStatusChange } from "../rules/status";
import type { TChangeStatus } from "../schemas";
import { evaluateStoredEpisode } from "./evaluate-episode";
import { loadUnitRuleSettings } from "./facts";

/** The 409 of a change made from a stale version: it says what the episode is now, and who made it so. */
export const staleVersion = (
  currentVersion: number,
  now?: { status: EpisodeStatus; date: LocalDate; by: string },
) =>
  new AppError("CONFLICT", {
    userMessage: `${
      now
        ? `Insatsen har ändrats sedan du öppnade sidan: status är nu ${STATUS_LABEL[now.status]} från ${now.date}, satt av ${now.by}.`
        : "Insatsen har ändrats sedan du öppnade sidan."
    } Inget sparades; det du skrev finns kvar. Skicka igen om ändringen ska göras från det nya läget.`,
    details: {
      reason: "stale-version",
      currentVersion,
      ...(now ? { currentStatus: now.status, statusDate: now.date, statusSetBy: now.by } : {}),
    },
  });

/** A dated status change; refused (409) from a stale version, nothing overwritten. */
export const changeStatus = ({
  actor,
  episodeId,
  input,
}: {
  actor: UseCaseActor;
  episodeId: string;
  input: TChangeStatus;
}) =>
  withEpisode(
    {
      actor,
      episodeId,
      permission: "clinical:write",
      lock: true,
      access: { action: "UPDATE", target: `episode:${episodeId}:status:${input.status}` },
    },
    async (tx, episode) => {
      if (input.version !== undefined && input.version !== episode.version) {
        const last = await tx.episodeStatusChange.findFirst({
          where: { episodeId },
          orderBy: [{ date: "desc" }, { recordedAt: "desc" }],
          select: { status: true, date: true, recordedById: true },
        });
        const by = last
          ? await tx.user.findUnique({ where: { id: last.recordedById }, select: { displayName: true } })
          : null;
        throw staleVersion(
          episode.version,
          last
            ? { status: last.status, date: fromDbDate(last.date), by: by?.displayName ?? "okänd" }
            : undefined,
        );
      }
      // One query at a time: a transaction's connection takes one at a time.
      const lastChange = await tx.episodeStatusChange.findFirst({
        where: { episodeId },
        orderBy: [{ date: "desc" }, { recordedAt: "desc" }],
        select: { date: true },
      });
      const lastContact = await tx.contact.findFirst({
        where: { episodeId },
        orderBy: { date: "desc" },
        select: { date: true },
      });
      const settings = await loadUnitRuleSettings(tx, episode.patient.unitId, input.date);
      const refusal = refuseStatusChange({
        current: episode.status,
        currentSince: fromDbDate(lastChange?.date ?? episode.startDate),
        startDate: fromDbDate(episode.startDate),
        target: input.status,
        date: input.date,
        lastContactDate: lastContact ? fromDbDate(lastContact.date) : null,
        twelveWeekDays: settings.twelveWeekDays,
      });
      if (refusal) throw new AppError("UNPROCESSABLE", { userMessage: refusal });

      await tx.episodeStatusChange.create({
        data: {
          episodeId,
          status: input.status,
          date: toDbDate(input.date),
          reason: input.reason ?? null,
          plan: input.plan ?? null,
          recordedById: actor.userId,
        },
      });
      const final = !isOpenStatus(input.status);
      const updated = await tx.episode.update({
        where: { id: episodeId, version: episode.version },
        data: {
          status: input.status,
          closedDate: final ? toDbDate(input.date) : null,
          version: { increment: 1 },
        },
        include: { patient: { select: { unitId: true } } },
      });
      return evaluateStoredEpisode(tx, updated, todayInStockholm());
    },
  );
