// Zod building blocks shared by forms, server actions and the HTTP API.
import { z } from "zod";
import { isLocalDate } from "./local-date";

export const ZLocalDate = z
  .string({ error: "Ange ett datum (ÅÅÅÅ-MM-DD)." })
  .refine(isLocalDate, { error: "Ange ett giltigt datum (ÅÅÅÅ-MM-DD)." })
  .meta({ format: "date", examples: ["2026-09-01"] });

/** A UUID, lower-cased so that ids compare equal however a client writes them. */
export const ZId = z.uuid({ error: "Ogiltigt id." }).transform((id) => id.toLowerCase());

/** An optional field: absent, or null, means "not given" (clients send either). */
export const optional = <S extends z.ZodType>(schema: S) =>
  z.preprocess((v) => (v === null ? undefined : v), schema.optional());

// NUL and other control characters (tab and line breaks are fine) cannot be
// stored in PostgreSQL text or mean nothing in a clinical note: refuse them.
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;
const noControl = { error: "Texten innehåller otillåtna tecken." };

export const ZSickLeave = z
  .union([z.literal(0), z.literal(25), z.literal(50), z.literal(75), z.literal(100)], {
    error: "Sjukskrivning anges som 0, 25, 50, 75 eller 100 procent.",
  })
  .meta({ description: "Sick leave in percent" });

export const ZAsOfQuery = z.object({ asOf: optional(ZLocalDate) });

/** Optional free text: trimmed; empty or null means absent. */
export const optionalText = (max: number) =>
  z.preprocess(
    (v) => (v === null || (typeof v === "string" && v.trim() === "") ? undefined : v),
    z
      .string()
      .trim()
      .max(max, { error: `Högst ${max} tecken.` })
      .refine((v) => !CONTROL.test(v), noControl)
      .optional(),
  );

export const requiredText = (max: number, message: string) =>
  z
    .string({ error: message })
    .trim()
    .min(1, { error: message })
    .max(max, { error: `Högst ${max} tecken.` })
    .refine((v) => !CONTROL.test(v), noControl);

// Invisible format characters (Unicode Cf) can make a name read as another or
// as nothing: bidirectional overrides reorder what is shown, zero-width ones
// hide. The zero-width non-joiner and joiner stay: Persian and Indic names
// need them to be spelled right.
const FORMAT_EXCEPT_JOINERS = /(?![\u200c\u200d])\p{Cf}/u;
const LETTER = /\p{L}/u;

/** A person's name: trimmed, NFC, at least one letter, no control or invisible format characters. */
export const personName = (max: number, message: string) =>
  requiredText(max, message)
    .transform((v) => v.normalize("NFC"))
    .refine((v) => !FORMAT_EXCEPT_JOINERS.test(v), {
      error: "Namnet innehåller osynliga tecken eller tecken som vänder textriktningen.",
    })
    .refine((v) => LETTER.test(v), { error: "Namnet måste innehålla minst en bokstav." });

/** Field errors in problem+json form: { "madrsS": ["…"] }. */
export function fieldErrors(error: z.ZodError): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const key = issue.path.length ? issue.path.map(String).join(".") : "_";
    (out[key] ??= []).push(issue.message);
  }
  return out;
}
