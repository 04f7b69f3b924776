import { z } from "zod";
import { ZId, ZLocalDate, optionalText } from "@/lib/schemas";
import { ZPersonnummer } from "@/modules/patients/schemas";

export const VISIT_ITEM_KINDS = ["CASE_REVIEW", "PATIENT_MEETING"] as const;
export const VISIT_ITEM_KIND_LABEL: Record<(typeof VISIT_ITEM_KINDS)[number], string> = {
  CASE_REVIEW: "Fallgenomgång utan patient",
  PATIENT_MEETING: "Patientbesök",
};

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
