import "server-only";
import { createHmac } from "node:crypto";
import { systemDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors";

/**
 * A fixed-window rate limit kept in the database, so that every app process
 * behind a load balancer counts together. One statement per request: the
 * upsert counts and answers the count. Windows older than a day are removed
 * now and then by the same call.
 */
export async function rateLimit(
  key: string,
  { limit, windowSeconds, now = new Date() }: { limit: number; windowSeconds: number; now?: Date },
): Promise<void> {
  const windowMs = windowSeconds * 1000;
  const windowStart = new Date(Math.floor(now.getTime() / windowMs) * windowMs);
  const [row] = await systemDb().$queryRaw<{ count: number }[]>`
    INSERT INTO rate_limit (key, window_start, count) VALUES (${key}, ${windowStart}, 1)
    ON CONFLICT (key, window_start) DO UPDATE SET count = rate_limit.count + 1
    RETURNING count`;
  // About one call in a hundred tidies up: old windows are never read again.
  if (Math.random() < 0.01)
    await systemDb()
      .$executeRaw`DELETE FROM rate_limit WHERE window_start < ${new Date(now.getTime() - 86_400_000)}`;
  if (row!.count > limit) {
    const retryAfter = Math.ceil((windowStart.getTime() + windowMs - now.getTime()) / 1000);
    throw new AppError("TOO_MANY_REQUESTS", { details: { retryAfter } });
  }
}

/**
 * The client's address as a rate-limit key. Only what trusted proxies wrote
 * counts: with `trustedHops` proxies appending to X-Forwarded-For, the client
 * is that many entries from the right (anything further left the client may
 * have sent itself). Without a trusted proxy the header proves nothing and
 * every client shares one key. Keyed with a server secret (HMAC), so the
 * stored key cannot be turned back into an address by trying them all.
 */
export function clientKey(
  headers: Headers,
  { trustedHops, secret }: { trustedHops: number; secret: string },
): string {
  if (trustedHops === 0) return "all";
  const hops = (headers.get("x-forwarded-for") ?? "")
    .split(",")
    .map((h) => h.trim())
    .filter(Boolean);
  const address = hops.length >= trustedHops ? hops[hops.length - trustedHops]! : "unknown";
  return createHmac("sha256", secret).update(address).digest("base64url").slice(0, 22);
}
