import { apiRoute } from "@/modules/api/lib/handler";
import { revokeSelfReportLink } from "@/modules/self-report/lib/links";
import { revokeSelfReportLinkContract } from "./contract";

export const dynamic = "force-dynamic";

export const DELETE = apiRoute(revokeSelfReportLinkContract, ({ actor, params }) =>
  revokeSelfReportLink({ actor, linkId: params.id }),
);
