"use server";

import { ZId } from "@/lib/schemas";
import { defineAction, formFields } from "@/modules/forms/lib/define-action";
import { logContact } from "./lib/log-contact";
import { ZLogContact, contactFromForm } from "./schemas";

/**
 * The contact form's way to the same use case as POST /api/v1/episodes/{id}/contacts.
 * The form's idempotency key, made when the form is shown, makes a double
 * click or a resent form save one contact. After saving, the episode's page
 * (the patient page of that episode, scoped like any read) opens.
 */
export const logContactAction = defineAction({
  schema: ZLogContact.safeExtend({ episodeId: ZId }),
  fromForm: (form) => {
    const f = formFields(form);
    return { ...contactFromForm(f), episodeId: f.episodeId };
  },
  run: ({ actor, input }) => {
    const { episodeId, ...contact } = input;
    return logContact({ actor, episodeId, input: contact });
  },
  revalidate: (_data, input) => [`/insatser/${input.episodeId}`, "/patienter", "/flaggor", "/"],
  redirectTo: (_data, input) => `/insatser/${input.episodeId}?sparad=kontakt#kontakter`,
});
