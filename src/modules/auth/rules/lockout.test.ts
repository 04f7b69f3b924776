import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { afterFailure, afterSuccess, isLocked, type LoginState } from "./lockout";

const t0 = new Date("2026-11-22T10:00:00Z");
const min = (n: number) => new Date(t0.getTime() + n * 60_000);
const fresh: LoginState = { failedLoginCount: 0, lockedUntil: null };

function fail(times: number, state = fresh, at = t0): LoginState {
  let s = state;
  for (let i = 0; i < times; i++) s = afterFailure(s, at);
  return s;
}

describe("lockout", () => {
  it.each([
    [1, false],
    [4, false],
    [5, true],
  ])("after %i consecutive failures locked=%s", (n, locked) => {
    expect(isLocked(fail(n), t0)).toBe(locked);
  });

  it("locks for exactly 15 minutes", () => {
    const s = fail(5);
    expect(s.lockedUntil).toEqual(min(15));
    expect(isLocked(s, min(14.99))).toBe(true);
    expect(isLocked(s, min(15))).toBe(false);
  });

  it("a failure after the lock ran out starts a fresh count", () => {
    const s = afterFailure(fail(5), min(16));
    expect(s).toEqual({ failedLoginCount: 1, lockedUntil: null });
  });

  it("a success resets the count", () => {
    expect(afterSuccess()).toEqual(fresh);
    expect(isLocked(fail(4, afterSuccess()), t0)).toBe(false);
  });

  it("honours a unit's own policy", () => {
    const s = afterFailure({ failedLoginCount: 2, lockedUntil: null }, t0, {
      maxFailures: 3,
      lockMinutes: 60,
    });
    expect(s.lockedUntil).toEqual(min(60));
  });

  it("property: locked iff at least 5 failures within the window", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 20 }), (n) => {
        expect(isLocked(fail(n), t0)).toBe(n >= 5);
        expect(fail(n).failedLoginCount).toBe(n);
      }),
    );
  });
});
