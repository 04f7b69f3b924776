import "server-only";
import { createHash } from "node:crypto";
import type { Role } from "@/generated/prisma/enums";
import { systemDb, type DbTx } from "@/lib/db/client";
import { now as clockNow } from "@/lib/clock";
import { env } from "@/lib/env";
import { isAppError } from "@/lib/errors";
import { clientKey, rateLimit } from "@/lib/rate-limit";
import { clientRequestId, newRequestId } from "@/lib/request-id";
import { recordAccess } from "@/modules/audit/lib/record-access";
import { afterFailure, afterSuccess, isLocked, type LockoutPolicy, type LoginState } from "../rules/lockout";
import { timingDummyHash, verifyPassword } from "./password";

export type LoginResult =
  | { ok: true; user: { id: string; username: string; displayName: string; role: Role }; sessionId: string }
  | { ok: false; reason: "INVALID" }
  | { ok: false; reason: "LOCKED"; lockedUntil: Date };

const policy = (): LockoutPolicy => ({
  maxFailures: env().LOGIN_MAX_FAILURES,
  lockMinutes: env().LOGIN_LOCK_MINUTES,
});

const failure = (state: LoginState, at: Date): LoginResult =>
  state.lockedUntil && isLocked(state, at)
    ? { ok: false, reason: "LOCKED", lockedUntil: state.lockedUntil }
    : { ok: false, reason: "INVALID" };

/**
 * Counts a failure for a name that matches no account, under a hash of the
 * name, so that it locks like a real account. Rows of names unused for a day go.
 */
async function failUnknownName(tx: DbTx, name: string, at: Date): Promise<LoginState> {
  const key = createHash("sha256").update(`samvard-login:${name}`).digest("hex");
  await tx.loginThrottle.upsert({ where: { key }, create: { key }, update: {} });
  await tx.$executeRaw`SELECT 1 FROM login_throttle WHERE key = ${key} FOR UPDATE`;
  const current = await tx.loginThrottle.findUniqueOrThrow({ where: { key } });
  const state = isLocked(current, at) ? current : afterFailure(current, at, policy());
  await tx.loginThrottle.update({
    where: { key },
    data: { failedLoginCount: state.failedLoginCount, lockedUntil: state.lockedUntil },
  });
  await tx.loginThrottle.deleteMany({ where: { updatedAt: { lt: new Date(at.getTime() - 86_400_000) } } });
  return state;
}

/**
 * Checks a username and password, keeps the failed-login count and lock, opens a
 * server-side session on success, and logs the attempt. An unknown user gets the
 * same answers, in the same time, as a real one with a wrong password: both run
 * a password hash, and both lock after the same number of failures.
 */
export async function attemptLogin({
  username,
  password,
  requestId = crypto.randomUUID(),
  clientRequestId = null,
  now = clockNow(),
}: {
  username: string;
  password: string;
  /** The server's id of the login request. */
  requestId?: string;
  clientRequestId?: string | null;
  now?: Date;
}): Promise<LoginResult> {
  const ids = { requestId, clientRequestId };
  const name = username.trim().toLowerCase();
  const user = name ? await systemDb().user.findUnique({ where: { username: name } }) : null;

  if (!user || !user.active) {
    await verifyPassword(await timingDummyHash(), password);
    return systemDb().$transaction(async (tx) => {
      const state = await failUnknownName(tx, name, now);
      // The typed name is not logged: it may be a password typed in the wrong field.
      await recordAccess(tx, {
        action: "LOGIN_FAILED",
        userId: user?.id ?? null,
        username: user?.username ?? null,
        target: "login:unknown-user",
        ...ids,
      });
      return failure(state, now);
    });
  }

  const passwordOk = await verifyPassword(user.passwordHash, password);
  const lockedRow = {
    action: "LOGIN_FAILED",
    userId: user.id,
    username: user.username,
    target: "login:locked",
    ...ids,
  } as const;
  if (isLocked(user, now)) {
    await recordAccess(systemDb(), lockedRow);
    return failure(user, now);
  }

  if (!passwordOk) {
    const next = await systemDb().$transaction(async (tx) => {
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
        ...ids,
      });
      return state;
    });
    return failure(next, now);
  }

  // The read above is as old as the password hash takes. Parallel attempts may
  // have locked the account meanwhile: re-check under the row lock, so that a
  // lock holds under concurrency and a success never clears one set meanwhile.
  const session = await systemDb().$transaction(async (tx) => {
    await tx.$executeRaw`SELECT 1 FROM app_user WHERE id = ${user.id}::uuid FOR UPDATE`;
    const current = await tx.user.findUniqueOrThrow({ where: { id: user.id } });
    if (!current.active) return { refused: { ok: false, reason: "INVALID" } as const };
    if (isLocked(current, now)) {
      await recordAccess(tx, lockedRow);
      return { refused: failure(current, now) };
    }
    await tx.user.update({ where: { id: user.id }, data: afterSuccess() });
    const s = await tx.session.create({
      data: { userId: user.id, createdAt: now, lastSeenAt: now, authenticatedAt: now },
    });
    await recordAccess(tx, {
      action: "LOGIN",
      userId: user.id,
      username: user.username,
      target: `session:${s.id}`,
      sessionId: s.id,
      ...ids,
    });
    return { session: s };
  });
  if ("refused" in session) return session.refused!;
  return {
    ok: true,
    user: { id: user.id, username: user.username, displayName: user.displayName, role: user.role },
    sessionId: session.session.id,
  };
}

/**
 * Asks a signed-in user for their password again before a sensitive step (an
 * API token outlives the session). A wrong password counts towards the lockout
 * like a failed login, so a left-open session cannot be used to guess it; a
 * lock then ends the user's sessions.
 */
export async function reauthenticate({
  actor,
  password,
  purpose,
  now = clockNow(),
}: {
  actor: {
    userId: string;
    username: string;
    requestId: string;
    clientRequestId?: string | null;
    sessionId?: string;
  };
  password: string;
  purpose: string;
  now?: Date;
}): Promise<boolean> {
  const user = await systemDb().user.findUniqueOrThrow({ where: { id: actor.userId } });
  if (await verifyPassword(user.passwordHash, password)) return !isLocked(user, now) && user.active;
  await systemDb().$transaction(async (tx) => {
    await tx.$executeRaw`SELECT 1 FROM app_user WHERE id = ${user.id}::uuid FOR UPDATE`;
    const current = await tx.user.findUniqueOrThrow({ where: { id: user.id } });
    await tx.user.update({ where: { id: user.id }, data: afterFailure(current, now, policy()) });
    await recordAccess(tx, {
      action: "LOGIN_FAILED",
      userId: user.id,
      username: user.username,
      target: `reauth:${purpose}`,
      requestId: actor.requestId,
      clientRequestId: actor.clientRequestId ?? null,
      sessionId: actor.sessionId ?? null,
    });
  });
  return false;
}

/**
 * Password logins per client address (LOGIN_RATE_LIMIT per 10 minutes, any
 * accounts): guessing across many accounts is slowed as the per-account lock
 * slows guessing one. Counted in the database, so it holds across instances.
 * Returns the seconds to wait, or null; a refusal is access-logged.
 */
export async function loginRateLimited(headers: unknown): Promise<number | null> {
  const e = env();
  const h = new Headers();
  for (const [k, v] of Object.entries((headers ?? {}) as Record<string, string | string[] | undefined>))
    if (v !== undefined) h.set(k, Array.isArray(v) ? v.join(", ") : v);
  const key = clientKey(h, { trustedHops: e.TRUSTED_PROXY_HOPS, secret: e.NEXTAUTH_SECRET ?? "samvard" });
  try {
    await rateLimit(`login:${key}`, { limit: e.LOGIN_RATE_LIMIT, windowSeconds: 600 });
    return null;
  } catch (error) {
    if (!isAppError(error) || error.code !== "TOO_MANY_REQUESTS") throw error;
    await recordAccess(systemDb(), {
      action: "LOGIN_FAILED",
      userId: null,
      username: null,
      target: "login:rate-limited",
      requestId: newRequestId(),
      clientRequestId: clientRequestId(h.get("x-request-id")),
    });
    return Number(error.details?.retryAfter ?? 600);
  }
}
