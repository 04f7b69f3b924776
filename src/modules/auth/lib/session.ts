import "server-only";
import type { Role } from "@/generated/prisma/enums";
import { db } from "@/lib/db/client";
import { now as clockNow } from "@/lib/clock";
import { env } from "@/lib/env";
import { recordAccess } from "@/modules/audit/lib/record-access";

export type Actor = {
  userId: string;
  username: string;
  displayName: string;
  role: Role;
  unitIds: string[];
  units: { id: string; name: string }[];
  sessionId: string;
};

// lastSeenAt is written at most this often: enough precision for a 30-minute
// idle timeout without a write on every request.
const TOUCH_EVERY_MS = 60_000;

/**
 * The live session's actor, or null when the session was ended (logout,
 * lockout, idle timeout) or its user was deactivated. Checked on every request.
 */
export async function resolveSession(sessionId: string, now = clockNow()): Promise<Actor | null> {
  const session = await db().session.findUnique({
    where: { id: sessionId },
    include: {
      user: { include: { memberships: { include: { unit: true }, orderBy: { unit: { name: "asc" } } } } },
    },
  });
  if (!session || session.endedAt) return null;
  const { user } = session;
  const idleMs = env().SESSION_IDLE_MINUTES * 60_000;
  if (now.getTime() - session.lastSeenAt.getTime() > idleMs) {
    await endSession({ sessionId, reason: "idle", now });
    return null;
  }
  if (!user.active || (user.lockedUntil && user.lockedUntil > now)) {
    await endSession({ sessionId, reason: user.active ? "locked" : "deactivated", now });
    return null;
  }
  if (now.getTime() - session.lastSeenAt.getTime() > TOUCH_EVERY_MS) {
    await db().session.update({ where: { id: sessionId }, data: { lastSeenAt: now } });
  }
  const units = user.memberships.map((m) => ({ id: m.unit.id, name: m.unit.name }));
  return {
    userId: user.id,
    username: user.username,
    displayName: user.displayName,
    role: user.role,
    unitIds: units.map((u) => u.id),
    units,
    sessionId,
  };
}

/**
 * A cheap check for next-auth's jwt callback: the session record exists, has
 * not ended and has not been idle too long. resolveSession does the full check
 * (and ends idle sessions) on every page and action.
 */
export async function isSessionLive(sessionId: string, now = clockNow()): Promise<boolean> {
  const session = await db().session.findUnique({
    where: { id: sessionId },
    select: { endedAt: true, lastSeenAt: true },
  });
  return (
    !!session &&
    !session.endedAt &&
    now.getTime() - session.lastSeenAt.getTime() <= env().SESSION_IDLE_MINUTES * 60_000
  );
}

/** Ends a session once; logout writes LOGOUT, anything else SESSION_ENDED. */
export async function endSession({
  sessionId,
  reason,
  requestId,
  now = clockNow(),
}: {
  sessionId: string;
  reason: "logout" | "idle" | "locked" | "deactivated";
  requestId?: string;
  now?: Date;
}): Promise<void> {
  await db().$transaction(async (tx) => {
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
      requestId,
    });
  });
}
