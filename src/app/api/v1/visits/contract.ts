import { z } from "zod";
import { defineContract } from "@/modules/api/lib/contract";
import { ZCreateVisit, ZVisit, ZVisitSummary } from "@/modules/visits/schemas";

export const listVisitsContract = defineContract({
  method: "GET",
  path: "/visits",
  summary: "The consultant visits of the caller's units",
  description:
    "Newest first (at most 200): unit, date, psychiatrist, and how many agenda items have their recommendation.",
  response: { status: 200, description: "The visits", schema: z.array(ZVisitSummary) },
  errors: [403],
});

export const createVisitContract = defineContract({
  method: "POST",
  path: "/visits",
  summary: "Plan a consultant visit (psychiatrist)",
  description:
    "The agenda is built from the review list of the unit as of the visit's date, in priority order; change it with POST /visits/{id}/agenda.",
  body: ZCreateVisit,
  response: { status: 201, description: "The visit with its agenda", schema: ZVisit },
  errors: [400, 403, 404],
});
