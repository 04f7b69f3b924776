import { z } from "zod";
import { ZPathId, defineContract } from "@/modules/api/lib/contract";
import { ZSelfReportLinkRevoked } from "@/modules/self-report/schemas";

export const revokeSelfReportLinkContract = defineContract({
  method: "DELETE",
  path: "/self-report-links/{id}",
  summary: "Revoke a self-report link (it then answers 410)",
  description: "Revoking a revoked link answers it again; 409 once the patient has answered through it.",
  params: z.object({ id: ZPathId }),
  response: { status: 200, description: "The revoked link", schema: ZSelfReportLinkRevoked },
  errors: [403, 404, 409],
});
