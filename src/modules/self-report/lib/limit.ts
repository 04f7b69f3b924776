import "server-only";
import { env } from "@/lib/env";
import { clientKey, rateLimit } from "@/lib/rate-limit";

/**
 * The self-report page's and API's one rate limit: SELF_REPORT_RATE_LIMIT
 * requests per 10 minutes per client address (TRUSTED_PROXY_HOPS says which
 * X-Forwarded-For entry is the client). Throws TOO_MANY_REQUESTS (429).
 */
export function limitSelfReportClient(headers: Headers): Promise<void> {
  const e = env();
  const key = clientKey(headers, {
    trustedHops: e.TRUSTED_PROXY_HOPS,
    secret: e.NEXTAUTH_SECRET ?? "samvard",
  });
  return rateLimit(`self-report:${key}`, { limit: e.SELF_REPORT_RATE_LIMIT, windowSeconds: 600 });
}
