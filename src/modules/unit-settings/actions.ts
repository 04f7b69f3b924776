"use server";

import { z } from "zod";
import { defineAction, formFields } from "@/modules/forms/lib/define-action";
import { changeUnitSettings, previewSettings, updateUnitDetails } from "./lib/unit-settings";
import { flatSettings, settingsFromForm, ZSettingsChange } from "./rules/settings-change";
import { ZUnitDetails } from "./schemas";

// Flat, so that a field error's path (rules.x, method.y) is the field's name.
const ZSettingsForm = ZSettingsChange.extend({
  unitId: z.uuid({ error: "Välj en enhet." }),
  intent: z.enum(["preview", "save"]).default("preview"),
});

/**
 * One form, two buttons: "Förhandsgranska" counts how today's flags would
 * change, "Spara" stores a new version. Both validate with the core's schema.
 */
export const unitSettingsAction = defineAction({
  schema: ZSettingsForm,
  permission: "unit:administer",
  fromForm: (form) => {
    const fields = formFields(form);
    return { unitId: fields.unitId, intent: fields.intent, ...settingsFromForm(fields) };
  },
  run: async ({ actor, input }) => {
    if (input.intent === "preview") {
      const preview = await previewSettings({ actor, unitId: input.unitId, proposed: input });
      // What was typed goes back: the form shows it again after React resets it.
      const typed: Record<string, string> = { validFrom: input.validFrom };
      for (const [k, v] of Object.entries(flatSettings(input))) typed[k] = String(v);
      return { kind: "preview" as const, preview, typed };
    }
    const saved = await changeUnitSettings({
      actor,
      unitId: input.unitId,
      validFrom: input.validFrom,
      values: { rules: input.rules, method: input.method, early: input.early, selfReport: input.selfReport },
    });
    return { kind: "saved" as const, id: saved.id, validFrom: input.validFrom };
  },
  revalidate: ["/installningar"],
});

export const unitDetailsAction = defineAction({
  schema: ZUnitDetails,
  permission: "unit:administer",
  run: async ({ actor, input }) => {
    await updateUnitDetails({ actor, unitId: input.unitId, details: input });
    return { saved: true };
  },
  revalidate: ["/installningar"],
});
