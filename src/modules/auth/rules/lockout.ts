// Pure login-lockout rules: an account is locked for `lockMinutes` after
// `maxFailures` consecutive failed logins.

export type LockoutPolicy = { maxFailures: number; lockMinutes: number };
export const DEFAULT_LOCKOUT: LockoutPolicy = { maxFailures: 5, lockMinutes: 15 };

export type LoginState = { failedLoginCount: number; lockedUntil: Date | null };

export const isLocked = (state: LoginState, now: Date): boolean =>
  state.lockedUntil !== null && state.lockedUntil.getTime() > now.getTime();

/** The state after a failed attempt. A lock that has run out starts a fresh count. */
export function afterFailure(
  state: LoginState,
  now: Date,
  policy: LockoutPolicy = DEFAULT_LOCKOUT,
): LoginState {
  const expired = state.lockedUntil !== null && state.lockedUntil.getTime() <= now.getTime();
  const count = (expired ? 0 : state.failedLoginCount) + 1;
  if (count >= policy.maxFailures) {
    return { failedLoginCount: count, lockedUntil: new Date(now.getTime() + policy.lockMinutes * 60_000) };
  }
  return { failedLoginCount: count, lockedUntil: expired ? null : state.lockedUntil };
}

export const afterSuccess = (): LoginState => ({ failedLoginCount: 0, lockedUntil: null });
