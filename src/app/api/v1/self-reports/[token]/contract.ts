import { z } from "zod";
import { ZPathToken, defineContract } from "@/modules/api/lib/contract";
import { ZSelfReportInput, ZSelfReportStored } from "@/modules/self-report/schemas";

export const submitSelfReportContract = defineContract({
  method: "POST",
  path: "/self-reports/{token}",
  summary: "The patient's MADRS-S through a self-report link (no bearer token: the link is the credential)",
  description:
    "Stores a SELF_REPORT contact dated today (Europe/Stockholm) and uses the link up. 410 when the link is used, " +
    "expired or revoked (the problem names the unit's name and phone); 404 for an unknown token; 429 when one " +
    "client address sends too many requests (Retry-After).",
  params: z.object({ token: ZPathToken }),
  body: ZSelfReportInput,
  response: { status: 201, description: "The stored self-report", schema: ZSelfReportStored },
  errors: [400, 404, 410, 429],
  public: true,
});
