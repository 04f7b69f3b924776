import { defineContract } from "@/modules/api/lib/contract";
import { ZReportQuery, ZUnitReport } from "@/modules/reports/schemas";

export const unitReportContract = defineContract({
  method: "GET",
  path: "/reports",
  summary: "Uppföljning: a unit's report for a period (verksamhetschef)",
  description:
    "The figures of domain.md's follow-up, each with its numerator, denominator and Swedish definition, per month and per care manager. Aggregates only: no patient in it. At most five years.",
  query: ZReportQuery,
  response: { status: 200, description: "The report", schema: ZUnitReport },
  errors: [400, 403, 404],
});
