import { z } from "zod";
import { requiredText } from "@/lib/schemas";
import { FLAG_CODES } from "@/modules/clinical/rules/flags";

export const ZCaseReviewInput = z.object({
  text: requiredText(5000, "Skriv rekommendationen till läkaren och vårdsamordnaren."),
});
export type TCaseReviewInput = z.infer<typeof ZCaseReviewInput>;

const ZDateTime = z.iso.datetime({ offset: true });

/** A recommendation just recorded (a case review): which flags it handled, and how many it reaches. */
export const ZRecommendationRecorded = z.object({
  id: z.uuid(),
  episodeId: z.uuid(),
  handledCodes: z.array(z.enum(FLAG_CODES)).meta({ description: "The psychiatrist flags it handled" }),
  addressees: z.int().meta({ description: "How many people it is addressed to, each with a read receipt" }),
});

/** A recommendation addressed to the caller that they have not marked read. */
export const ZUnreadRecommendation = z.object({
  recommendationId: z.uuid(),
  episodeId: z.uuid(),
  patientId: z.uuid(),
  unitId: z.uuid(),
  patient: z.object({ givenName: z.string(), familyName: z.string(), personnummer: z.string() }),
  text: z.string(),
  createdAt: ZDateTime,
  by: z.string().meta({ description: "The psychiatrist who wrote it" }),
});

export const ZRecommendationRead = z.object({ recommendationId: z.uuid(), readAt: ZDateTime });
