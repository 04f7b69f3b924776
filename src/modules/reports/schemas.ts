import { z } from "zod";
import { ZId, ZLocalDate } from "@/lib/schemas";
import { daysBetween } from "@/lib/local-date";
import { MAX_PERIOD_DAYS } from "./rules/report-query";

export const ZReportQuery = z
  .object({ unitId: ZId, from: ZLocalDate, to: ZLocalDate })
  .refine((q) => q.from <= q.to, { error: "Från-datumet ligger efter till-datumet.", path: ["from"] })
  .refine((q) => q.from > q.to || daysBetween(q.from, q.to) <= MAX_PERIOD_DAYS, {
    error: "En period får vara högst fem år.",
    path: ["to"],
  });

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
