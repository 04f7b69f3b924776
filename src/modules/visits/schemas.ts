import { z } from "zod";
import { ZId, ZLocalDate, optionalText } from "@/lib/schemas";
import { ROLES } from "@/modules/auth/roles";
import { FLAG_CODES, RECIPIENT_ORDER } from "@/modules/clinical/rules/flags";
import { ZPersonnummer } from "@/modules/patients/schemas";
import { VISIT_ITEM_KINDS } from "./rules/item-kinds";

export const ZCreateVisit = z.object({ unitId: ZId, date: ZLocalDate });
export type TCreateVisit = z.infer<typeof ZCreateVisit>;

/** One change of a visit's agenda. */
export const ZAgendaChange = z.discriminatedUnion("op", [
  z.object({ op: z.literal("add"), episodeId: ZId }),
  z.object({ op: z.literal("addByPersonnummer"), personnummer: ZPersonnummer }),
  z.object({ op: z.literal("remove"), itemId: ZId }),
  z.object({ op: z.literal("move"), itemId: ZId, direction: z.enum(["up", "down"]) }),
  z.object({
    op: z.literal("set"),
    itemId: ZId,
    kind: z.enum(VISIT_ITEM_KINDS, { error: "Välj fallgenomgång eller patientbesök." }),
    time: optionalText(5).refine((v) => v === undefined || /^([01][0-9]|2[0-3]):[0-5][0-9]$/.test(v), {
      error: "Ange tid som TT:MM.",
    }),
  }),
]);
export type TAgendaChange = z.infer<typeof ZAgendaChange>;

const ZDateTime = z.iso.datetime({ offset: true });

/** A visit in the list of visits: no patient in it. */
export const ZVisitSummary = z.object({
  id: z.uuid(),
  unitId: z.uuid(),
  date: ZLocalDate,
  psychiatrist: z.string(),
  items: z.int().meta({ description: "Patients on the agenda" }),
  recommended: z.int().meta({ description: "Agenda items with their recommendation" }),
});

const ZVisitItem = z.object({
  id: z.uuid(),
  position: z.int().meta({ description: "1-based place on the agenda" }),
  kind: z.enum(VISIT_ITEM_KINDS),
  time: z.string().nullable().meta({ description: "Local time HH:MM, if set" }),
  episodeId: z.uuid(),
  patientId: z.uuid(),
  patient: z.object({ givenName: z.string(), familyName: z.string(), personnummer: z.string() }),
  gp: z.string().nullable(),
  careManager: z.string().nullable(),
  week: z.int().nullable().meta({ description: "Treatment week on the visit's date" }),
  baseline: z.int().nullable(),
  latest: z.int().nullable(),
  reduction: z.number().nullable(),
  flags: z
    .array(z.object({ code: z.enum(FLAG_CODES), to: z.enum(RECIPIENT_ORDER), reason: z.string() }))
    .meta({ description: "The flags open on the visit's date, and why" }),
  scores: z.array(
    z.object({
      date: ZLocalDate,
      day: z.int(),
      total: z.int(),
      selfReported: z
        .boolean()
        .meta({ description: "The patient's own answers through a link (unverified)" }),
    }),
  ),
  question: z
    .object({ question: z.string(), answer: z.string().nullable() })
    .nullable()
    .meta({ description: "The latest question for the psychiatrist asked by the visit's date" }),
  recommendation: z
    .object({
      id: z.uuid(),
      text: z.string(),
      createdAt: ZDateTime,
      receipts: z.array(
        z.object({ userId: z.uuid(), name: z.string(), role: z.enum(ROLES), readAt: ZDateTime.nullable() }),
      ),
    })
    .nullable(),
});

/** A visit with its agenda as of the visit's date, and who else is on the review list that day. */
export const ZVisit = z.object({
  id: z.uuid(),
  unitId: z.uuid(),
  unitName: z.string(),
  date: ZLocalDate,
  psychiatristId: z.uuid(),
  psychiatrist: z.string(),
  items: z.array(ZVisitItem),
  candidates: z
    .array(
      z.object({
        episodeId: z.uuid(),
        patientId: z.uuid(),
        name: z.string(),
        flags: z.array(z.enum(FLAG_CODES)),
      }),
    )
    .meta({ description: "The review list as of the visit's date, less the agenda" }),
});
