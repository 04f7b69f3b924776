import { z } from "zod";
import { ZId, ZLocalDate } from "@/lib/schemas";
import { daysBetween } from "@/lib/local-date";
import { MAX_PERIOD_DAYS } from "./rules/report-query";

/** A period's two checks: in order, and at most five years (every query of a unit and a period). */
export function checkPeriod(q: { from: string; to: string }, ctx: z.RefinementCtx) {
  if (q.from > q.to)
    ctx.addIssue({ code: "custom", path: ["from"], message: "Från-datumet ligger efter till-datumet." });
  else if (daysBetween(q.from, q.to) > MAX_PERIOD_DAYS)
    ctx.addIssue({ code: "custom", path: ["to"], message: "En period får vara högst fem år." });
}

export const ZUnitPeriod = { unitId: ZId, from: ZLocalDate, to: ZLocalDate };

export const ZReportQuery = z.object(ZUnitPeriod).superRefine(checkPeriod);

const ZFigure = z.object({
  key: z.string(),
  label: z.string(),
  kind: z.enum(["count", "share", "ratio", "median"]),
  value: z.number().nullable().meta({ description: "A share as 0–1; null when nothing was there to count" }),
  numerator: z.int(),
  denominator: z.int(),
  definition: z.string().meta({ description: "How it is counted, in Swedish" }),
});

const ZReport = z.object({
  period: z.object({ from: ZLocalDate, to: ZLocalDate }),
  asOf: ZLocalDate.meta({
    description: "The last day counted: the period's end, or today when it lies ahead",
  }),
  episodes: z.int(),
  figures: z.array(ZFigure),
  months: z.array(
    z.object({
      month: z.string(),
      enrollments: z.int(),
      contactRate: z.number().nullable(),
      contacts: z.int(),
      activeEpisodes: z.int(),
      partial: z.boolean().meta({ description: "Counted only in part: left out of the contact-rate figure" }),
    }),
  ),
});

export const ZUnitReport = z.object({
  unit: ZReport,
  careManagers: z.array(z.object({ id: z.uuid().nullable(), name: z.string(), report: ZReport })),
});
