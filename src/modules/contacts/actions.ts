"use server";

import { ZId } from "@/lib/schemas";
import { defineAction, formFields } from "@/modules/forms/lib/define-action";
import { logContact } from "./lib/log-contact";
import { ZLogContact, contactFromForm } from "./schemas";

/**
 * The contact form's way to the same use case as POST /api/v1/episodes/{id}/contacts.
 * The form's idempotency key, made when the form was shown, makes a double
 * click or a resubmitted form save one contact. After saving, the patient page opens.
 */
export const logContactAction = defineAction({
  schema: ZLogContact.safeExtend({ episodeId: ZId, patientId: ZId }),
  fromForm: (form) => {
    const f = formFields(form);
    return { ...contactFromForm(f), episodeId: f.episodeId, patientId: f.patientId };
  },
  run: ({ actor, input }) => {
    const { episodeId, patientId: _patientId, ...contact } = input;
    return logContact({ actor, episodeId, input: contact });
  },
  revalidate: (_data, input) => [
    `/patienter/${input.patientId}`,
    `/insatser/${input.episodeId}`,
    "/patienter",
    "/",
  ],
  redirectTo: (data, input) =>
    `/patienter/${input.patientId}?insats=${input.episodeId}&sparad=kontakt#kontakter`,
});
