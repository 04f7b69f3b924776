import { apiRoute } from "@/modules/api/lib/handler";
import { researchExport } from "@/modules/research/lib/research-export";
import { researchExportContract } from "./contract";

export const dynamic = "force-dynamic";

export const GET = apiRoute(researchExportContract, ({ actor, query }) =>
  researchExport({
    actor,
    unitId: query.unitId,
    period: { from: query.from, to: query.to },
    kind: query.kind,
  }),
);
