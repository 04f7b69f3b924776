import { env } from "@/lib/env";
import { clientKey, rateLimit } from "@/lib/rate-limit";
import { apiRoute } from "@/modules/api/lib/handler";
import { submitSelfReport } from "@/modules/self-report/lib/answer";
import { submitSelfReportContract } from "./contract";

export const dynamic = "force-dynamic";

export const POST = apiRoute(submitSelfReportContract, async ({ req, params, body }) => {
  await rateLimit(`self-report:${clientKey(req.headers)}`, {
    limit: env().SELF_REPORT_RATE_LIMIT,
    windowSeconds: 600,
  });
  return submitSelfReport({ token: params.token, items: body.madrsS });
});
