import { z } from "zod";
import { ZPathId, defineContract } from "@/modules/api/lib/contract";
import { ZSelfReportLinkCreated } from "@/modules/self-report/schemas";

export const createSelfReportLinkContract = defineContract({
  method: "POST",
  path: "/episodes/{id}/self-report-links",
  summary: "Create a single-use self-report link for the patient (care manager, GP)",
  description:
    "A link for an open episode, valid for the unit's number of days (default 7). At most one open link per episode: " +
    "a new one revokes the open one. The URL is answered once; only its token's hash is stored. 422 for a closed episode.",
  params: z.object({ id: ZPathId }),
  response: { status: 201, description: "The link", schema: ZSelfReportLinkCreated },
  errors: [403, 404, 422],
});
