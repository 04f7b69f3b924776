// Zod building blocks shared by forms, server actions and the HTTP API.
import { z } from "zod";
import { isLocalDate } from "@/modules/clinical/rules/local-date";

export const ZLocalDate = z
  .string({ error: "Ange ett datum (ÅÅÅÅ-MM-DD)." })
  .refine(isLocalDate, { error: "Ange ett giltigt datum (ÅÅÅÅ-MM-DD)." })
  .meta({ format: "date", examples: ["2026-09-01"] });

export const ZId = z.uuid({ error: "Ogiltigt id." });

export const ZSickLeave = z
  .union([z.literal(0), z.literal(25), z.literal(50), z.literal(75), z.literal(100)], {
    error: "Sjukskrivning anges som 0, 25, 50, 75 eller 100 procent.",
  })
  .meta({ description: "Sick leave in percent" });

export const ZAsOfQuery = z.object({ asOf: ZLocalDate.optional() });

/** Optional free text: trimmed, empty means absent. */
export const optionalText = (max: number) =>
  z.preprocess(
    (v) => (typeof v === "string" && v.trim() === "" ? undefined : v),
    z
      .string()
      .trim()
      .max(max, { error: `Högst ${max} tecken.` })
      .optional(),
  );

export const requiredText = (max: number, message: string) =>
  z
    .string({ error: message })
    .trim()
    .min(1, { error: message })
    .max(max, { error: `Högst ${max} tecken.` });

/** Field errors in problem+json form: { "madrsS": ["…"] }. */
export function fieldErrors(error: z.ZodError): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const key = issue.path.length ? issue.path.map(String).join(".") : "_";
    (out[key] ??= []).push(issue.message);
  }
  return out;
}
