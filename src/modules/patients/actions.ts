"use server";

import { contactFromForm } from "@/modules/contacts/schemas";
import { defineAction, formFields } from "@/modules/forms/lib/define-action";
import { z } from "zod";
import { enrollPatient } from "./lib/enroll-patient";
import { lookupForEnrollment } from "./lib/lookup-for-enrollment";
import { ZEnrollPatient, ZPersonnummer } from "./schemas";

/**
 * "Skriv in patient", step one: search by identity number. A server action,
 * so the number travels in a request body, never in an address that proxies
 * log and browsers keep in their history.
 */
export const findForEnrollmentAction = defineAction({
  schema: z.object({ personnummer: ZPersonnummer }),
  permission: "clinical:write",
  run: ({ actor, input }) => lookupForEnrollment({ actor, personnummer: input.personnummer }),
});

const blankToUndefined = (v: string | undefined) => (v === undefined || v.trim() === "" ? undefined : v);

/** The fields under `prefix.` as a record of their own. */
const part = (f: Record<string, string>, prefix: string) =>
  Object.fromEntries(
    Object.entries(f)
      .filter(([k]) => k.startsWith(`${prefix}.`))
      .map(([k, v]) => [k.slice(prefix.length + 1), v]),
  );

/** "Skriv in patient": patient, episode and (if ticked) the enrollment meeting, in one step. */
export const enrollPatientAction = defineAction({
  schema: ZEnrollPatient,
  permission: "clinical:write",
  fromForm: (form) => {
    const f = formFields(form);
    const episode = part(f, "episode");
    return {
      personnummer: f.personnummer,
      patientId: blankToUndefined(f.patientId),
      givenName: blankToUndefined(f.givenName),
      familyName: blankToUndefined(f.familyName),
      phone: f.phone,
      unitId: f.unitId,
      episode: {
        startDate: episode.startDate,
        careManagerId: blankToUndefined(episode.careManagerId),
        gpId: blankToUndefined(episode.gpId),
        diagnosis: blankToUndefined(episode.diagnosis?.toUpperCase()),
        sickLeave: episode.sickLeave ? Number(episode.sickLeave) : undefined,
      },
      // The enrollment meeting is a reached physical meeting with the patient on the start date.
      firstMeeting:
        f.logMeeting === "on"
          ? contactFromForm({
              ...part(f, "firstMeeting"),
              date: episode.startDate ?? "",
              sickLeave: episode.sickLeave ?? "",
              type: "IN_PERSON",
              counterpart: "PATIENT",
            })
          : undefined,
    };
  },
  run: ({ actor, input }) => enrollPatient({ actor, input }),
  revalidate: ["/patienter", "/"],
  redirectTo: (r) => `/patienter/${r.patientId}?sparad=insats`,
});
