import "server-only";
import { createHmac } from "node:crypto";
import { systemDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { PEER_HEADER } from "@/lib/request-id";

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
 * The client's address as a rate-limit key. Without a trusted proxy it is the
 * connection's own peer, which the server wrote (X-Forwarded-For is then the
 * client's own claim and proves nothing). With `trustedHops` proxies
 * appending to X-Forwarded-For, the client is that many entries from the
 * right (anything further left the client may have sent itself). Keyed with a
 * server secret (HMAC), so the stored key cannot be turned back into an
 * address by trying them all. "all" when no address is known (next dev).
 */
export function clientKey(
  headers: Headers,
  { trustedHops, secret }: { trustedHops: number; secret: string },
): string {
  let address: string;
  if (trustedHops === 0) {
    // Only where our own server wrote it (src/cli/serve.ts); elsewhere (next dev) a client could.
    const peer = process.env.SAMVARD_PEER_HEADER === "1" ? headers.get(PEER_HEADER) : null;
    if (!peer) return "all";
    address = peer;
  } else {
    const hops = (headers.get("x-forwarded-for") ?? "")
      .split(",")
      .map((h) => h.trim())
      .filter(Boolean);
    address = hops.length >= trustedHops ? hops[hops.length - trustedHops]! : "unknown";
  }
  return createHmac("sha256", secret).update(address).digest("base64url").slice(0, 22);
}
