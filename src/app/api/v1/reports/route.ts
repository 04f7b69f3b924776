import { apiRoute } from "@/modules/api/lib/handler";
import { getUnitReport } from "@/modules/reports/lib/unit-report";
import { unitReportContract } from "./contract";

export const dynamic = "force-dynamic";

export const GET = apiRoute(unitReportContract, ({ actor, query }) =>
  getUnitReport({ actor, unitId: query.unitId, period: { from: query.from, to: query.to } }),
);
