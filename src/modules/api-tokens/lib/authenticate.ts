import "server-only";
import { now } from "@/lib/clock";
import { systemDb } from "@/lib/db/client";
import { env } from "@/lib/env";
import { rateLimit } from "@/lib/rate-limit";
import type { Actor } from "@/modules/auth/actor";
import { hashToken, looksLikeToken } from "./tokens";

const TOUCH_EVERY_MS = 60_000;

export type BearerResult = { actor: Actor } | { refused: "missing" | "unknown" | "expired" };

/**
 * The user behind `Authorization: Bearer <token>`, acting with that user's role
 * and units; refused when missing, unknown, revoked, expired, or the user is
 * inactive or locked. `request` is the server's id of this request.
 */
export async function authenticateBearer(
  header: string | null,
  request: { requestId: string; clientRequestId: string | null },
): Promise<BearerResult> {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? "");
  if (!match?.[1]) return { refused: "missing" };
  if (!looksLikeToken(match[1])) return { refused: "unknown" };
  const token = await systemDb().apiToken.findUnique({
    where: { tokenHash: hashToken(match[1]) },
    include: {
      user: { include: { memberships: { include: { unit: true }, orderBy: { unit: { name: "asc" } } } } },
    },
  });
  const at = now();
  if (
    !token ||
    token.revokedAt ||
    !token.user.active ||
    // A one-time password is not yet the user's own: nothing opens until it is replaced.
    token.user.passwordChangeRequired ||
    (token.user.lockedUntil && token.user.lockedUntil > at)
  )
    return { refused: "unknown" };
  if (token.expiresAt <= at) return { refused: "expired" };
  // Per token, counted in the database so that every instance counts together (429 beyond it).
  await rateLimit(`api-token:${token.id}`, { limit: env().API_TOKEN_RATE_LIMIT, windowSeconds: 60, now: at });
  if (!token.lastUsedAt || at.getTime() - token.lastUsedAt.getTime() > TOUCH_EVERY_MS) {
    await systemDb().apiToken.update({ where: { id: token.id }, data: { lastUsedAt: at } });
  }
  const units = token.user.memberships.map((m) => ({ id: m.unit.id, name: m.unit.name }));
  return {
    actor: {
      userId: token.user.id,
      username: token.user.username,
      displayName: token.user.displayName,
      role: token.user.role,
      unitIds: units.map((u) => u.id),
      units,
      credential: { kind: "api-token", tokenId: token.id },
      ...request,
    },
  };
}
