import "server-only";
import { now as clockNow } from "@/lib/clock";
import { systemDb } from "@/lib/db/client";
import { env } from "@/lib/env";
import { recordAccess } from "@/modules/audit/lib/record-access";
import type { Actor } from "../actor";

export type { Actor };

// lastSeenAt is written at most this often: enough precision for a 30-minute
// idle timeout without a write on every request.
const TOUCH_EVERY_MS = 60_000;

export type RequestIds = { requestId: string; clientRequestId?: string | null };

const idleFor = (lastSeenAt: Date, now: Date) =>
  now.getTime() - lastSeenAt.getTime() > env().SESSION_IDLE_MINUTES * 60_000;

/**
 * The live session's actor, or null when the session was ended (logout,
 * lockout, idle timeout) or its user was deactivated. Checked on every request;
 * a session found idle or locked is ended here, with its log row.
 */
export async function resolveSession(
  sessionId: string,
  request: RequestIds,
  now = clockNow(),
): Promise<Actor | null> {
  const session = await systemDb().session.findUnique({
    where: { id: sessionId },
    include: {
      user: { include: { memberships: { include: { unit: true }, orderBy: { unit: { name: "asc" } } } } },
    },
  });
  if (!session || session.endedAt) return null;
  const { user } = session;
  if (idleFor(session.lastSeenAt, now)) {
    await endSession({ sessionId, reason: "idle", now, ...request });
    return null;
  }
  // A password lock ends password sessions; an IdP session was not opened with the password.
  const locked = session.method === "password" && user.lockedUntil && user.lockedUntil > now;
  if (!user.active || locked) {
    await endSession({ sessionId, reason: user.active ? "locked" : "deactivated", now, ...request });
    return null;
  }
  if (now.getTime() - session.lastSeenAt.getTime() > TOUCH_EVERY_MS) {
    await systemDb().session.update({ where: { id: sessionId }, data: { lastSeenAt: now } });
  }
  const units = user.memberships.map((m) => ({ id: m.unit.id, name: m.unit.name }));
  return {
    userId: user.id,
    username: user.username,
    displayName: user.displayName,
    role: user.role,
    unitIds: units.map((u) => u.id),
    units,
    // A one-time password binds only a password login: an IdP login used none.
    passwordChangeRequired: user.passwordChangeRequired && session.method === "password",
    login: {
      method: session.method === "oidc" ? "oidc" : "password",
      authenticatedAt: session.authenticatedAt,
    },
    credential: { kind: "session", sessionId },
    requestId: request.requestId,
    clientRequestId: request.clientRequestId ?? null,
  };
}

/**
 * The check of next-auth's jwt callback (every use of the cookie, including
 * /api/auth/session): the session record exists, has not ended and has not
 * been idle too long. A session found idle is ended for good, with its log
 * row, not merely refused.
 */
export async function isSessionLive(
  sessionId: string,
  request: RequestIds,
  now = clockNow(),
): Promise<boolean> {
  const session = await systemDb().session.findUnique({
    where: { id: sessionId },
    select: { endedAt: true, lastSeenAt: true },
  });
  if (!session || session.endedAt) return false;
  if (idleFor(session.lastSeenAt, now)) {
    await endSession({ sessionId, reason: "idle", now, ...request });
    return false;
  }
  return true;
}

/** Ends a session once; logout writes LOGOUT, anything else SESSION_ENDED. */
export async function endSession({
  sessionId,
  reason,
  requestId,
  clientRequestId,
  now = clockNow(),
}: {
  sessionId: string;
  reason: "logout" | "idle" | "locked" | "deactivated" | "password-changed";
  requestId?: string;
  clientRequestId?: string | null;
  now?: Date;
}): Promise<void> {
  await systemDb().$transaction(async (tx) => {
    const { count } = await tx.session.updateMany({
      where: { id: sessionId, endedAt: null },
      data: { endedAt: now, endedReason: reason },
    });
    if (count === 0) return;
    const s = await tx.session.findUniqueOrThrow({ where: { id: sessionId }, include: { user: true } });
    await recordAccess(tx, {
      action: reason === "logout" ? "LOGOUT" : "SESSION_ENDED",
      userId: s.userId,
      username: s.user.username,
      target: `session:${sessionId}:${reason}`,
      sessionId,
      requestId: requestId ?? crypto.randomUUID(),
      clientRequestId: clientRequestId ?? null,
    });
  });
}
