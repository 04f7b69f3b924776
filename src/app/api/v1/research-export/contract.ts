import { z } from "zod";
import { defineContract } from "@/modules/api/lib/contract";
import { checkPeriod, ZUnitPeriod } from "@/modules/reports/schemas";

export const ZResearchExportQuery = z
  .object({
    ...ZUnitPeriod,
    kind: z
      .enum(["episodes", "contacts"], { error: "Ange kind=episodes eller kind=contacts." })
      .meta({ description: "One row per episode started in the period, or per contact of those episodes" }),
  })
  .superRefine(checkPeriod);

export const researchExportContract = defineContract({
  method: "GET",
  path: "/research-export",
  summary: "The pseudonymised research export of a unit (verksamhetschef)",
  description:
    "CSV, one row per episode or per contact: a keyed hash (HMAC-SHA256) of the normalised personnummer instead of any identity, days since the episode start, age band and sex; no name, number, phone or free text. The columns are described in docs/research-export.md. Access-logged with its parameters, one row per patient.",
  query: ZResearchExportQuery,
  response: { status: 200, description: "The CSV file", schema: z.string(), mediaType: "text/csv" },
  errors: [400, 403, 404],
});
