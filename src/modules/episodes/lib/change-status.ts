import "server-only";
import { CLINICAL_WRITERS, type UseCaseActor } from "@/lib/actor";
import { authorize } from "@/lib/authorize";
import { db } from "@/lib/db/client";
import { fromDbDate, toDbDate, todayInStockholm } from "@/lib/dates";
import { AppError } from "@/lib/errors";
import { recordPatientAccess } from "@/modules/audit/lib/record-access";
import { refuseStatusChange } from "../rules/status";
import type { TChangeStatus } from "../schemas";
import { findEpisodeInScope } from "./episode-scope";
import { evaluateStoredEpisode } from "./evaluate-episode";
import { loadRuleSettings } from "./facts";

export const staleVersion = () =>
  new AppError("CONFLICT", {
    userMessage: "Insatsen har ändrats av någon annan sedan du öppnade den. Ladda om och försök igen.",
    details: { reason: "stale-version" },
  });

/** A dated status change; refused (409) from a stale version, nothing overwritten. */
export async function changeStatus({
  actor,
  episodeId,
  input,
  requestId,
}: {
  actor: UseCaseActor;
  episodeId: string;
  input: TChangeStatus;
  requestId?: string;
}) {
  return db().$transaction(async (tx) => {
    const episode = await findEpisodeInScope(tx, actor, episodeId, { lock: true });
    authorize(actor, { roles: CLINICAL_WRITERS });
    if (input.version !== undefined && input.version !== episode.version) throw staleVersion();

    const [lastChange, lastContact, settings] = await Promise.all([
      tx.episodeStatusChange.findFirst({
        where: { episodeId },
        orderBy: [{ date: "desc" }, { recordedAt: "desc" }],
      }),
      tx.contact.findFirst({ where: { episodeId }, orderBy: { date: "desc" }, select: { date: true } }),
      loadRuleSettings(tx, episode.patient.unitId),
    ]);
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
    const final = input.status === "COMPLETED" || input.status === "DEACTIVATED";
    const updated = await tx.episode.update({
      where: { id: episodeId, version: episode.version },
      data: {
        status: input.status,
        closedDate: final ? toDbDate(input.date) : null,
        version: { increment: 1 },
      },
      include: { patient: { select: { unitId: true } } },
    });
    await recordPatientAccess(tx, actor, {
      action: "UPDATE",
      unitId: episode.patient.unitId,
      patientId: episode.patientId,
      target: `episode:${episodeId}:status:${input.status}`,
      requestId,
    });
    return (await evaluateStoredEpisode(tx, updated, todayInStockholm())).view;
  });
}
