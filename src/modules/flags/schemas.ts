import { z } from "zod";
import { ZLocalDate, optional, requiredText } from "@/lib/schemas";
import { FLAG_DECISIONS } from "@/lib/vocabulary";
import { ROLES } from "@/modules/auth/roles";
import { FLAG_CODES, RECIPIENT_ORDER } from "@/modules/clinical/rules/flags";

export const ZFlagCode = z.enum(FLAG_CODES, { error: "Okänd flagga." });

export const ZOpenFlag = z.object({
  code: z.enum(FLAG_CODES),
  to: z.enum(RECIPIENT_ORDER),
  since: ZLocalDate,
  reason: z.string().meta({ description: "Why the flag is open, in Swedish (for display)" }),
});

export const ZFlagDecision = z
  .enum(FLAG_DECISIONS, { error: "Välj ett av besluten." })
  .meta({ description: "The GP's common decision, besides the note" });

export const ZHandleFlagInput = z.object({
  note: requiredText(5000, "Skriv vad som bedömdes eller beslutades."),
  decision: optional(ZFlagDecision),
});
export type THandleFlagInput = z.infer<typeof ZHandleFlagInput>;

export const ZFlagHandling = z.object({
  id: z.uuid(),
  episodeId: z.uuid(),
  code: z.enum(FLAG_CODES),
  decision: ZFlagDecision.nullable(),
  note: z.string(),
  handledAt: z.iso.datetime({ offset: true }),
  handledById: z.uuid(),
  handledByRole: z.enum(ROLES),
});

export const ZReviewRequestInput = z.object({
  question: requiredText(2000, "Skriv frågan till psykiatern."),
});

export const ZReviewRequest = z.object({
  id: z.uuid(),
  episodeId: z.uuid(),
  question: z.string(),
  requestedAt: z.iso.datetime({ offset: true }),
  requestedById: z.uuid(),
  answer: z.string().nullable(),
  answeredAt: z.iso.datetime({ offset: true }).nullable(),
});

export const ZAnswerInput = z.object({
  answer: requiredText(5000, "Skriv svaret till den som frågade."),
});
