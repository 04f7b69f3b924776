import { z } from "zod";
import { ZId, ZLocalDate, ZSickLeave, optionalText, optional } from "@/lib/schemas";
import { CONTACT_TYPES, COUNTERPARTS } from "@/lib/vocabulary";
import { STAFF_CONTACT_TYPES } from "@/modules/clinical/rules/facts";
import { itemFields } from "./rules/form-fields";

export const ZMadrsS = z
  .array(
    z
      .int({ error: "Varje svar är ett heltal 0–6." })
      .min(0, { error: "Varje svar är 0–6." })
      .max(6, { error: "Varje svar är 0–6." }),
    {
      error: "MADRS-S anges som nio svar, 0–6.",
    },
  )
  .length(9, {
    error:
      "MADRS-S har nio frågor: ange alla nio svar (0–6). Ett formulär med saknade svar är ingen MADRS-S-skattning.",
  })
  .meta({
    description: "The nine MADRS-S item scores in order (item 9 = Livslust)",
    examples: [[3, 2, 3, 2, 2, 3, 2, 2, 1]],
  });

export const ZLogContact = z
  .object({
    date: ZLocalDate,
    time: optionalText(5).refine((v) => v === undefined || /^([01][0-9]|2[0-3]):[0-5][0-9]$/.test(v), {
      error: "Ange tid som TT:MM.",
    }),
    // A SELF_REPORT is made only by the patient's link, never logged by staff.
    type: z.enum(STAFF_CONTACT_TYPES, { error: "Kontakttyp ska vara PHONE, IN_PERSON eller VIDEO." }),
    counterpart: z.preprocess(
      (v) => v ?? undefined,
      z.enum(COUNTERPARTS, { error: "Okänd motpart." }).default("PATIENT"),
    ),
    reached: z.boolean({ error: "Ange om personen nåddes (true/false)." }),
    madrsS: optional(ZMadrsS),
    sickLeave: optional(ZSickLeave),
    durationMinutes: optional(z.int({ error: "Ange minuter som heltal." }).min(0).max(600)),
    note: optionalText(5000),
    nextPlannedDate: optional(ZLocalDate),
    selfReportId: optional(ZId).meta({
      description:
        "The patient's self-report (a SELF_REPORT contact of the episode) this call refers to instead of repeating its items; the call then carries no madrsS",
    }),
    idempotencyKey: optional(ZId).meta({
      description:
        "A UUID the client makes once per contact: sending the same contact again with it saves nothing new and answers with the contact already saved",
    }),
  })
  .superRefine((v, ctx) => {
    if (v.madrsS && !v.reached) {
      ctx.addIssue({
        code: "custom",
        path: ["madrsS"],
        message: "MADRS-S kan bara registreras när patienten nåddes.",
      });
    }
    if (v.madrsS && v.counterpart !== "PATIENT") {
      ctx.addIssue({
        code: "custom",
        path: ["madrsS"],
        message: "MADRS-S kan bara registreras vid kontakt med patienten.",
      });
    }
    if (v.selfReportId && v.madrsS) {
      ctx.addIssue({
        code: "custom",
        path: ["madrsS"],
        message:
          "Samtalet utgår från patientens självskattning: lämna frågorna tomma (en skattning sparas aldrig två gånger).",
      });
    }
    if (v.selfReportId && (!v.reached || v.counterpart !== "PATIENT")) {
      ctx.addIssue({
        code: "custom",
        path: ["selfReportId"],
        message: "Bara ett samtal där patienten nåddes kan utgå från självskattningen.",
      });
    }
  });
export type TLogContact = z.infer<typeof ZLogContact>;

/** A contact as the API returns it. */
export const ZContact = z.object({
  id: z.uuid(),
  episodeId: z.uuid(),
  date: ZLocalDate,
  time: z.string().nullable(),
  type: z.enum(CONTACT_TYPES),
  counterpart: z.enum(COUNTERPARTS),
  reached: z.boolean(),
  madrsS: z.array(z.int()).length(9).nullable().meta({ description: "The nine item scores, or null" }),
  madrsSTotal: z.int().nullable(),
  sickLeave: z.int().nullable(),
  durationMinutes: z.int().nullable(),
  note: z.string().nullable(),
  nextPlannedDate: ZLocalDate.nullable(),
  authorId: z
    .uuid()
    .nullable()
    .meta({ description: "The staff member who logged it; null for a SELF_REPORT" }),
  selfReportId: z.uuid().nullable().meta({
    description: "The self-report (SELF_REPORT contact) this call referred to instead of repeating its items",
  }),
  recordedAt: z.iso.datetime({ offset: true }),
});

const ITEM_FIELDS = itemFields();

const blank = (v: string | undefined) => v === undefined || v.trim() === "";
const numberOrText = (v: string | undefined) =>
  blank(v) ? undefined : /^\s*-?\d+\s*$/.test(v!) ? Number(v) : v;

/**
 * The contact form's fields as ZLogContact's input. Nine empty items are no
 * score; some empty among given ones are each an error on that item. "Ej nådd"
 * is a checkbox, so an ordinary reached contact needs no extra key press.
 */
export function contactFromForm(f: Record<string, string>) {
  const items = ITEM_FIELDS.map((n) => f[n]);
  return {
    date: f.date,
    time: f.time,
    type: f.type,
    counterpart: blank(f.counterpart) ? undefined : f.counterpart,
    reached: f.notReached !== "on",
    madrsS: items.every(blank) ? undefined : items.map((v) => (blank(v) ? null : numberOrText(v))),
    sickLeave: numberOrText(f.sickLeave),
    durationMinutes: numberOrText(f.durationMinutes),
    note: f.note,
    nextPlannedDate: blank(f.nextPlannedDate) ? undefined : f.nextPlannedDate,
    selfReportId: f.useSelfReport === "on" && !blank(f.selfReportId) ? f.selfReportId : undefined,
    idempotencyKey: f.idempotencyKey,
  };
}
