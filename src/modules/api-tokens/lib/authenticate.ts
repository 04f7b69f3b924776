import "server-only";
import type { Actor } from "@/modules/auth/lib/session";
import { now } from "@/lib/clock";
import { db } from "@/lib/db/client";
import { hashToken, looksLikeToken } from "./tokens";

/** A token acts as its user: the session actor without a session. */
export type TokenActor = Omit<Actor, "sessionId">;

const TOUCH_EVERY_MS = 60_000;

/** The user behind `Authorization: Bearer <token>`, or null (missing, unknown, revoked, inactive or locked). */
export async function authenticateBearer(header: string | null): Promise<TokenActor | null> {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? "");
  if (!match?.[1] || !looksLikeToken(match[1])) return null;
  const token = await db().apiToken.findUnique({
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
    (token.user.lockedUntil && token.user.lockedUntil > at)
  )
    return null;
  if (!token.lastUsedAt || at.getTime() - token.lastUsedAt.getTime() > TOUCH_EVERY_MS) {
    await db().apiToken.update({ where: { id: token.id }, data: { lastUsedAt: at } });
  }
  const units = token.user.memberships.map((m) => ({ id: m.unit.id, name: m.unit.name }));
  return {
    userId: token.user.id,
    username: token.user.username,
    displayName: token.user.displayName,
    role: token.user.role,
    unitIds: units.map((u) => u.id),
    units,
  };
}
