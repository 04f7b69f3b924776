"use server";

import { z } from "zod";
import { AppError } from "@/lib/errors";
import { defineAction } from "@/modules/forms/lib/define-action";
import { findPatients } from "@/modules/patients/lib/find-patients";
import { ZPersonnummer } from "@/modules/patients/schemas";

/**
 * Loggkontroll by patient, step one: the identity number in a request body
 * (never in an address), looked up in the verksamhetschef's units (identity
 * only, a logged read); then the log page by the patient's id.
 */
export const findPatientLogAction = defineAction({
  schema: z.object({ personnummer: ZPersonnummer }),
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
  redirectTo: (ids) => `/loggkontroll?patient=${ids.join(",")}`,
});
