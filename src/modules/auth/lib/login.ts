import "server-only";
import type { Role } from "@/generated/prisma/enums";
import { db } from "@/lib/db/client";
import { now as clockNow } from "@/lib/clock";
import { env } from "@/lib/env";
import { recordAccess } from "@/modules/audit/lib/record-access";
import { afterFailure, afterSuccess, isLocked, type LockoutPolicy } from "../rules/lockout";
import { timingDummyHash, verifyPassword } from "./password";

export type LoginResult =
  | { ok: true; user: { id: string; username: string; displayName: string; role: Role }; sessionId: string }
  | { ok: false; reason: "INVALID" }
  | { ok: false; reason: "LOCKED"; lockedUntil: Date };

const policy = (): LockoutPolicy => ({
  maxFailures: env().LOGIN_MAX_FAILURES,
  lockMinutes: env().LOGIN_LOCK_MINUTES,
});

/**
 * Checks a username and password, keeps the failed-login count and lock, opens a
 * server-side session on success, and logs the attempt. An unknown user gets the
 * same answer (and costs the same time) as a wrong password.
 */
export async function attemptLogin({
  username,
  password,
  requestId,
  now = clockNow(),
}: {
  username: string;
  password: string;
  requestId?: string;
  now?: Date;
}): Promise<LoginResult> {
  const name = username.trim().toLowerCase();
  const user = name ? await db().user.findUnique({ where: { username: name } }) : null;

  if (!user || !user.active) {
    await verifyPassword(await timingDummyHash(), password);
    await recordAccess(db(), {
      action: "LOGIN_FAILED",
      userId: user?.id ?? null,
      username: name.slice(0, 100),
      target: "login",
      requestId,
    });
    return { ok: false, reason: "INVALID" };
  }

  if (isLocked(user, now)) {
    await recordAccess(db(), {
      action: "LOGIN_FAILED",
      userId: user.id,
      username: user.username,
      target: "login:locked",
      requestId,
    });
    return { ok: false, reason: "LOCKED", lockedUntil: user.lockedUntil! };
  }

  if (!(await verifyPassword(user.passwordHash, password))) {
    const next = await db().$transaction(async (tx) => {
      // Lock the row and count from its current value, so parallel failures all count.
      await tx.$executeRaw`SELECT 1 FROM app_user WHERE id = ${user.id}::uuid FOR UPDATE`;
      const current = await tx.user.findUniqueOrThrow({ where: { id: user.id } });
      const state = afterFailure(current, now, policy());
      await tx.user.update({ where: { id: user.id }, data: state });
      await recordAccess(tx, {
        action: "LOGIN_FAILED",
        userId: user.id,
        username: user.username,
        target: "login",
        requestId,
      });
      return state;
    });
    return next.lockedUntil && isLocked(next, now)
      ? { ok: false, reason: "LOCKED", lockedUntil: next.lockedUntil }
      : { ok: false, reason: "INVALID" };
  }

  const session = await db().$transaction(async (tx) => {
    await tx.user.update({ where: { id: user.id }, data: afterSuccess() });
    const s = await tx.session.create({ data: { userId: user.id, createdAt: now, lastSeenAt: now } });
    await recordAccess(tx, {
      action: "LOGIN",
      userId: user.id,
      username: user.username,
      target: `session:${s.id}`,
      requestId,
    });
    return s;
  });
  return {
    ok: true,
    user: { id: user.id, username: user.username, displayName: user.displayName, role: user.role },
    sessionId: session.id,
  };
}
