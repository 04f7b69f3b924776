import "server-only";
import type { UseCaseActor } from "@/lib/actor";
import { authorize } from "@/lib/authorize";
import { db } from "@/lib/db/client";
import { todayInStockholm } from "@/lib/dates";
import { AppError } from "@/lib/errors";
import { now } from "@/lib/clock";
import { recordPatientAccess } from "@/modules/audit/lib/record-access";
import { FLAG_LABEL, type FlagCode } from "@/modules/clinical/rules/flags";
import { findEpisodeInScope } from "@/modules/episodes/lib/episode-scope";
import { evaluateStoredEpisode } from "@/modules/episodes/lib/evaluate-episode";
import { mayHandle } from "../rules/permissions";

/**
 * Handles one open flag: who, when, what was decided. One handling closes it
 * for everyone it goes to. Handling MARKED_FOR_REVIEW answers the open review
 * request (the note is the psychiatrist's answer).
 */
export async function handleFlag({
  actor,
  episodeId,
  code,
  note,
  requestId,
}: {
  actor: UseCaseActor;
  episodeId: string;
  code: FlagCode;
  note: string;
  requestId?: string;
}) {
  return db().$transaction(async (tx) => {
    const episode = await findEpisodeInScope(tx, actor, episodeId, { lock: true });
    authorize(actor);
    if (!mayHandle(actor.role, code)) {
      throw new AppError("FORBIDDEN", {
        userMessage: `Din roll hanterar inte flaggan ”${FLAG_LABEL[code]}”.`,
      });
    }
    const { view } = await evaluateStoredEpisode(tx, episode, todayInStockholm());
    if (!view.flags.some((f) => f.code === code)) {
      throw new AppError("CONFLICT", {
        userMessage: `Flaggan ”${FLAG_LABEL[code]}” är inte öppen i dag.`,
        details: { reason: "flag-not-open" },
      });
    }
    const handledAt = now();
    const handling = await tx.flagHandling.create({
      data: { episodeId, code, note, handledAt, handledById: actor.userId, handledByRole: actor.role },
    });
    if (code === "MARKED_FOR_REVIEW") {
      await tx.reviewRequest.updateMany({
        where: { episodeId, answeredAt: null },
        data: { answer: note, answeredAt: handledAt, answeredById: actor.userId },
      });
    }
    await recordPatientAccess(tx, actor, {
      action: "UPDATE",
      unitId: episode.patient.unitId,
      patientId: episode.patientId,
      target: `episode:${episodeId}:flag:${code}`,
      requestId,
    });
    return {
      id: handling.id,
      episodeId,
      code,
      note,
      handledAt: handling.handledAt.toISOString(),
      handledById: actor.userId,
      handledByRole: actor.role,
    };
  });
}
