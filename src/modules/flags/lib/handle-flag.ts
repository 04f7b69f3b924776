import "server-only";
import type { FlagDecision } from "@/generated/prisma/enums";
import { now } from "@/lib/clock";
import { todayInStockholm } from "@/lib/dates";
import { AppError } from "@/lib/errors";
import type { UseCaseActor } from "@/modules/auth/actor";
import { mayHandle } from "@/modules/auth/rules/permissions";
import { FLAG_LABEL, type FlagCode } from "@/modules/clinical/rules/flags";
import { evaluateStoredEpisode } from "@/modules/episodes/lib/evaluate-episode";
import { withEpisode } from "@/modules/patient-data/lib/scoped";
import { recordRecommendation } from "@/modules/recommendations/lib/record-recommendation";

/**
 * Handles one open flag: who, when, what was decided. One handling closes it
 * for everyone it goes to. Handling MARKED_FOR_REVIEW answers the open review
 * request: the note is the psychiatrist's answer, recorded as a
 * recommendation that reaches the asker, the GP and the care manager.
 */
export const handleFlag = ({
  actor,
  episodeId,
  code,
  note,
  decision,
}: {
  actor: UseCaseActor;
  episodeId: string;
  code: FlagCode;
  note: string;
  decision?: FlagDecision;
}) =>
  withEpisode(
    {
      actor,
      episodeId,
      permission: (role) => mayHandle(role, code),
      forbidden: `Din roll hanterar inte flaggan ”${FLAG_LABEL[code]}”.`,
      lock: true,
      access: { action: "UPDATE", target: `episode:${episodeId}:flag:${code}` },
    },
    async (tx, episode) => {
      const view = await evaluateStoredEpisode(tx, episode, todayInStockholm());
      if (!view.flags.some((f) => f.code === code)) {
        throw new AppError("CONFLICT", {
          userMessage: `Flaggan ”${FLAG_LABEL[code]}” är inte öppen i dag.`,
          details: { reason: "flag-not-open" },
        });
      }
      const handledAt = now();
      const handling = await tx.flagHandling.create({
        data: {
          episodeId,
          code,
          decision: decision ?? null,
          note,
          handledAt,
          handledById: actor.userId,
          handledByRole: actor.role,
        },
      });
      if (code === "MARKED_FOR_REVIEW") {
        await recordRecommendation(tx, actor, episode, {
          text: note,
          handledCodes: [code],
          at: handledAt,
          answers: "open",
        });
      }
      return {
        id: handling.id,
        episodeId,
        code,
        decision: handling.decision,
        note,
        handledAt: handling.handledAt.toISOString(),
        handledById: actor.userId,
        handledByRole: actor.role,
      };
    },
  );
