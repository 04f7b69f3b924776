"use server";

import { z } from "zod";
import { AppError } from "@/lib/errors";
import { defineAction } from "@/modules/forms/lib/define-action";
import { findPatients } from "@/modules/patients/lib/find-patients";
import { ZPersonnummer } from "@/modules/patients/schemas";
import { recordLogReview } from "./lib/review-selection";

/** Where a patient found by number goes: their log, or their log extract. */
const NEXT_PAGE = { log: "/loggkontroll", extract: "/loggkontroll/logglista" } as const;

/**
 * Loggkontroll by patient, step one: the identity number in a request body
 * (never in an address), looked up in the verksamhetschef's units (identity
 * only, a logged read); then the log page, or the log extract's, by the
 * patient's id.
 */
export const findPatientLogAction = defineAction({
  schema: z.object({ personnummer: ZPersonnummer, then: z.enum(["log", "extract"]).default("log") }),
  permission: "unit:administer",
  run: async ({ actor, input }) => {
    const found = await findPatients({ actor, personnummer: input.personnummer });
    if (found.length === 0) {
      throw new AppError("NOT_FOUND", {
        userMessage: "Ingen patient med det numret på dina enheter.",
        fieldErrors: { personnummer: ["Ingen patient med det numret på dina enheter."] },
      });
    }
    return found.map((p) => p.id);
  },
  redirectTo: (ids, input) => `${NEXT_PAGE[input.then]}?patient=${ids.join(",")}`,
});

const ZReview = z
  .object({
    unitId: z.uuid(),
    accessLogId: z
      .string()
      .regex(/^\d{1,19}$/)
      // PostgreSQL's bigint: a larger number names no row.
      .refine((id) => BigInt(id) <= 9_223_372_036_854_775_807n, { error: "Åtkomsten finns inte." }),
    outcome: z.enum(["OK", "FOLLOW_UP"], { error: "Välj utfall: OK eller Behöver följas upp." }),
    comment: z
      .string()
      .trim()
      .max(2000, { error: "Högst 2000 tecken." })
      .transform((c) => (c === "" ? null : c)),
  })
  .refine((r) => r.outcome === "OK" || r.comment !== null, {
    path: ["comment"],
    error: "Skriv vad som ska följas upp.",
  });

/** A documented check of one selected access. */
export const recordLogReviewAction = defineAction({
  schema: ZReview,
  permission: "unit:administer",
  run: ({ actor, input }) => recordLogReview({ actor, ...input }),
  revalidate: ["/loggkontroll/granskning", "/loggkontroll/granskningar"],
});
