import { z } from "zod";
import { ZId, optionalText, optional, personName } from "@/lib/schemas";
import { EPISODE_STATUSES } from "@/lib/vocabulary";
import { ZLogContact } from "@/modules/contacts/schemas";
import { ZOpenEpisode } from "@/modules/episodes/schemas";
import { parseIdentityNumber } from "./rules/identity";

/** Accepts the forms of domain.md; yields the 12-digit normalised number. */
export const ZPersonnummer = z
  .string({ error: "Ange personnummer eller samordningsnummer." })
  .transform((value, ctx) => {
    const result = parseIdentityNumber(value);
    if (!result.ok) {
      ctx.addIssue({ code: "custom", message: result.message });
      return z.NEVER;
    }
    return result.normalized;
  })
  .meta({
    description:
      "Personnummer or samordningsnummer: YYYYMMDD-NNNC, YYYYMMDDNNNC, YYMMDD-NNNC, YYMMDDNNNC or YYMMDD+NNNC",
    examples: ["19121212-1212"],
  });

export const ZRegisterPatient = z.object({
  personnummer: ZPersonnummer,
  givenName: personName(100, "Ange förnamn."),
  familyName: personName(100, "Ange efternamn."),
  phone: optionalText(30).refine((v) => v === undefined || /^\+?[0-9 ()-]{5,30}$/.test(v), {
    error: "Ange telefonnummer med siffror (t.ex. 070-123 45 67).",
  }),
  unitId: ZId,
});
export type TRegisterPatient = z.infer<typeof ZRegisterPatient>;

export const ZPatientSearch = z.object({ personnummer: optional(ZPersonnummer) });

/** Who a patient is, and nothing of the record: what a verksamhetschef's look-up returns. */
export const ZPatientIdentity = z.strictObject({
  id: z.uuid(),
  personnummer: z.string().meta({ description: "12 digits", examples: ["191212121212"] }),
  givenName: z.string(),
  familyName: z.string(),
  unitId: z.uuid(),
});

export const ZPatient = z.strictObject({ ...ZPatientIdentity.shape, phone: z.string().nullable() });

/** A search answers with patients, or, for a verksamhetschef, with identities only. */
export const ZPatientSearchResult = z.array(z.union([ZPatient, ZPatientIdentity]));

export const ZPatientWithEpisodes = ZPatient.extend({
  episodes: z.array(
    z.object({
      id: z.uuid(),
      status: z.enum(EPISODE_STATUSES),
      version: z.int(),
      startDate: z.string(),
      closedDate: z.string().nullable(),
      careManagerId: z.uuid().nullable(),
      gpId: z.uuid().nullable(),
      diagnosis: z.string().nullable(),
    }),
  ),
});

/**
 * "Skriv in patient": a patient found by identity number (patientId) or a new
 * one (names), an episode, and optionally the enrollment meeting itself, which
 * usually is the first physical meeting, with its MADRS-S: one step, one
 * transaction.
 */
export const ZEnrollPatient = z
  .object({
    personnummer: ZPersonnummer,
    patientId: optional(ZId),
    givenName: optional(personName(100, "Ange förnamn.")),
    familyName: optional(personName(100, "Ange efternamn.")),
    phone: ZRegisterPatient.shape.phone,
    unitId: ZId,
    episode: ZOpenEpisode,
    firstMeeting: optional(ZLogContact),
  })
  .superRefine((v, ctx) => {
    if (v.patientId) return;
    if (!v.givenName) ctx.addIssue({ code: "custom", path: ["givenName"], message: "Ange förnamn." });
    if (!v.familyName) ctx.addIssue({ code: "custom", path: ["familyName"], message: "Ange efternamn." });
  });
export type TEnrollPatient = z.infer<typeof ZEnrollPatient>;
