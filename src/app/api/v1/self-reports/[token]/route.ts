import { apiRoute } from "@/modules/api/lib/handler";
import { submitSelfReport } from "@/modules/self-report/lib/answer";
import { limitSelfReportClient } from "@/modules/self-report/lib/limit";
import { submitSelfReportContract } from "./contract";

export const dynamic = "force-dynamic";

export const POST = apiRoute(submitSelfReportContract, async ({ req, params, body }) => {
  await limitSelfReportClient(req.headers);
  return submitSelfReport({ token: params.token, items: body.madrsS });
});
