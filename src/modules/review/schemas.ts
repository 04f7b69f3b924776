import { z } from "zod";
import { ZId, ZLocalDate, optional } from "@/lib/schemas";
import { FLAG_CODES } from "@/modules/clinical/rules/flags";

export const ZReviewListQuery = z.object({ asOf: optional(ZLocalDate), unitId: optional(ZId) });

export const ZReviewList = z.object({
  asOf: ZLocalDate,
  items: z.array(
    z.object({
      episodeId: z.uuid(),
      patientId: z.uuid(),
      unitId: z.uuid(),
      week: z.int(),
      daysInTreatment: z.int(),
      baseline: z.int().nullable(),
      latest: z.int().nullable(),
      reduction: z.number().nullable(),
      flags: z.array(z.enum(FLAG_CODES)),
    }),
  ),
});
