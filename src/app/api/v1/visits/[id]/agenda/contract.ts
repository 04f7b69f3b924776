import { z } from "zod";
import { ZPathId, defineContract } from "@/modules/api/lib/contract";
import { ZAgendaChange, ZVisit } from "@/modules/visits/schemas";

export const editAgendaContract = defineContract({
  method: "POST",
  path: "/visits/{id}/agenda",
  summary: "Change a visit's agenda (psychiatrist)",
  description:
    "One change per request, named by `op`: `add` an open episode of the visit's unit, `addByPersonnummer`, `remove` an item, `move` it up or down, or `set` its kind and time. 409 if the patient is already on it.",
  params: z.object({ id: ZPathId }),
  body: ZAgendaChange,
  response: { status: 200, description: "The visit with its changed agenda", schema: ZVisit },
  errors: [400, 403, 404, 409],
});
