import { apiRoute } from "@/modules/api/lib/handler";
import { createSelfReportLink } from "@/modules/self-report/lib/links";
import { createSelfReportLinkContract } from "./contract";

export const dynamic = "force-dynamic";

export const POST = apiRoute(createSelfReportLinkContract, ({ actor, params }) =>
  createSelfReportLink({ actor, episodeId: params.id }),
);
