import { z } from "zod";
import { ZId, ZLocalDate, ZSickLeave, optionalText, optional } from "@/lib/schemas";
import { EPISODE_STATUSES } from "@/lib/vocabulary";
import { ZOpenFlag } from "@/modules/flags/schemas";

export const ZOpenEpisode = z.object({
  startDate: ZLocalDate,
  careManagerId: optional(ZId),
  gpId: optional(ZId),
  diagnosis: optionalText(10).refine((v) => v === undefined || /^[A-Z][0-9]{2}(\.[0-9A-Z]{1,2})?$/.test(v), {
    error: "Ange diagnos som ICD-10-kod, t.ex. F32.1.",
  }),
  sickLeave: optional(ZSickLeave),
});
export type TOpenEpisode = z.infer<typeof ZOpenEpisode>;

export const ZChangeStatus = z
  .object({
    status: z.enum(["RELAPSE_PREVENTION", "COMPLETED", "DEACTIVATED"], {
      error: "Status ska vara RELAPSE_PREVENTION, COMPLETED eller DEACTIVATED.",
    }),
    date: ZLocalDate,
    reason: optionalText(2000),
    plan: optionalText(5000),
    version: optional(z.int({ error: "version ska vara ett heltal." }).min(1)),
  })
  .superRefine((v, ctx) => {
    if (v.status === "DEACTIVATED" && !v.reason) {
      ctx.addIssue({ code: "custom", path: ["reason"], message: "Ange varför insatsen avbryts." });
    }
    if (v.status === "RELAPSE_PREVENTION" && !v.plan) {
      ctx.addIssue({ code: "custom", path: ["plan"], message: "Ange planen för återfallsprevention." });
    }
  });
export type TChangeStatus = z.infer<typeof ZChangeStatus>;

export const ZEpisode = z.object({
  id: z.uuid(),
  patientId: z.uuid(),
  unitId: z.uuid(),
  status: z
    .enum(EPISODE_STATUSES)
    .nullable()
    .meta({ description: "Status as of asOf; null before the start date" }),
  currentStatus: z.enum(EPISODE_STATUSES),
  version: z.int(),
  startDate: ZLocalDate,
  closedDate: ZLocalDate.nullable(),
  careManagerId: z.uuid().nullable(),
  gpId: z.uuid().nullable(),
  diagnosis: z.string().nullable(),
  sickLeaveAtStart: z.int().nullable(),
  asOf: ZLocalDate,
  daysInTreatment: z.int(),
  week: z.int().nullable(),
  reachesTwelveWeeks: ZLocalDate,
  baseline: z.int().nullable(),
  latest: z.int().nullable(),
  reduction: z.number().nullable(),
  response: z.boolean(),
  partialResponse: z.boolean(),
  remission: z.boolean(),
  flags: z.array(ZOpenFlag),
});
