import { describe, expect, it } from "vitest";
import { systemDb } from "@/lib/db/client";
import { attemptLogin, loginRateLimited } from "@/modules/auth/lib/login";
import { endSession, isSessionLive, resolveSession } from "@/modules/auth/lib/session";
import { TEST_PASSWORD, accessRows, createTestUnit, createTestUser, unique } from "../support/factories";

const t0 = new Date("2026-11-22T09:00:00Z");
const at = (minutes: number) => new Date(t0.getTime() + minutes * 60_000);
const REQ = { requestId: "00000000-0000-4000-8000-0000000000aa" };

describe("login", () => {
  it("a right password opens a server-side session and logs LOGIN", async () => {
    const user = await createTestUser();
    const result = await attemptLogin({
      username: user.username.toUpperCase(),
      password: TEST_PASSWORD,
      requestId: "r1",
      now: t0,
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.user).toMatchObject({ id: user.id, role: "VARDSAMORDNARE" });
    expect(await systemDb().session.count({ where: { id: result.sessionId, endedAt: null } })).toBe(1);
    expect(await accessRows({ userId: user.id })).toMatchObject([{ action: "LOGIN", requestId: "r1" }]);
  });

  it("a wrong password and an unknown user get the same answer, both logged", async () => {
    const user = await createTestUser();
    const wrong = await attemptLogin({ username: user.username, password: "fel", now: t0 });
    const ghostName = unique("ghost");
    const requestId = crypto.randomUUID();
    const unknown = await attemptLogin({ username: ghostName, password: "fel", now: t0, requestId });
    expect(wrong).toEqual({ ok: false, reason: "INVALID" });
    expect(unknown).toEqual(wrong);
    expect(await accessRows({ userId: user.id })).toMatchObject([{ action: "LOGIN_FAILED" }]);
    // The typed name of an unknown user is not logged (it may be a misplaced password).
    expect(await accessRows({ username: ghostName })).toEqual([]);
    // This attempt's row (other tests' inactive users log their id under the same target).
    const rows = await systemDb().accessLog.findMany({ where: { target: "login:unknown-user", requestId } });
    expect(rows.length).toBe(1);
    expect(rows.every((r) => r.username === null && r.userId === null && r.action === "LOGIN_FAILED")).toBe(
      true,
    );
    expect((await systemDb().user.findUniqueOrThrow({ where: { id: user.id } })).failedLoginCount).toBe(1);
  });

  it("locks the account for 15 minutes after 5 consecutive failures, even for the right password", async () => {
    const user = await createTestUser();
    for (let i = 0; i < 4; i++) {
      expect(await attemptLogin({ username: user.username, password: "fel", now: at(i) })).toEqual({
        ok: false,
        reason: "INVALID",
      });
    }
    const fifth = await attemptLogin({ username: user.username, password: "fel", now: at(4) });
    expect(fifth).toEqual({ ok: false, reason: "LOCKED", lockedUntil: at(19) });
    expect(
      await attemptLogin({ username: user.username, password: TEST_PASSWORD, now: at(18) }),
    ).toMatchObject({
      ok: false,
      reason: "LOCKED",
    });
    const after = await attemptLogin({ username: user.username, password: TEST_PASSWORD, now: at(19) });
    expect(after.ok).toBe(true);
    const row = await systemDb().user.findUniqueOrThrow({ where: { id: user.id } });
    expect(row).toMatchObject({ failedLoginCount: 0, lockedUntil: null });
  });

  it("an unknown user locks after the same failures, with the same answers, as a real one", async () => {
    const user = await createTestUser();
    const ghost = unique("ghost");
    const answers = async (username: string) => {
      const out = [];
      for (let i = 0; i < 6; i++) out.push(await attemptLogin({ username, password: "fel", now: at(i) }));
      return out;
    };
    const real = await answers(user.username);
    const unknown = await answers(ghost);
    expect(unknown).toEqual(real);
    expect(real.at(-1)).toEqual({ ok: false, reason: "LOCKED", lockedUntil: at(19) });
  });

  it("parallel failures all count", async () => {
    const user = await createTestUser();
    await Promise.all(
      Array.from({ length: 5 }, () => attemptLogin({ username: user.username, password: "fel", now: t0 })),
    );
    const row = await systemDb().user.findUniqueOrThrow({ where: { id: user.id } });
    expect(row.failedLoginCount).toBe(5);
    expect(row.lockedUntil).toEqual(at(15));
  });

  it("the lock holds under concurrency: 39 wrong passwords and the right one at once do not log in", async () => {
    // The attack of the security review: sent together, every attempt read the
    // account before the others locked it, and the right password then logged
    // in after 33 "locked" answers and cleared the count.
    const user = await createTestUser();
    const wrong = Array.from({ length: 39 }, () =>
      attemptLogin({ username: user.username, password: "fel", now: t0 }),
    );
    const right = attemptLogin({ username: user.username, password: TEST_PASSWORD, now: t0 });
    const results = await Promise.all([...wrong, right]);
    expect(results.at(-1)).toMatchObject({ ok: false, reason: "LOCKED" });
    expect(results.filter((r) => r.ok)).toEqual([]);
    const row = await systemDb().user.findUniqueOrThrow({ where: { id: user.id } });
    expect(row.lockedUntil).toEqual(at(15));
    expect(row.failedLoginCount).toBeGreaterThanOrEqual(5);
    expect(await systemDb().session.count({ where: { userId: user.id } })).toBe(0);
    expect((await accessRows({ userId: user.id })).some((r) => r.action === "LOGIN")).toBe(false);
  });

  it("a login's row names its session and a request id made by the server", async () => {
    const user = await createTestUser();
    const result = await attemptLogin({
      username: user.username,
      password: TEST_PASSWORD,
      clientRequestId: "c-1",
    });
    if (!result.ok) throw new Error("login failed");
    expect(await accessRows({ userId: user.id })).toMatchObject([
      { action: "LOGIN", sessionId: result.sessionId, clientRequestId: "c-1", apiTokenId: null },
    ]);
  });

  it("a deactivated user cannot log in", async () => {
    const user = await createTestUser();
    await systemDb().user.update({ where: { id: user.id }, data: { active: false } });
    expect(await attemptLogin({ username: user.username, password: TEST_PASSWORD, now: t0 })).toEqual({
      ok: false,
      reason: "INVALID",
    });
  });
});

describe("server-side sessions", () => {
  async function login(opts: Parameters<typeof createTestUser>[0] = {}) {
    const user = await createTestUser(opts);
    const result = await attemptLogin({ username: user.username, password: TEST_PASSWORD, now: t0 });
    if (!result.ok) throw new Error("login failed");
    return { user, sessionId: result.sessionId };
  }

  it("resolves the actor with role and units", async () => {
    const [a, b] = [await createTestUnit(), await createTestUnit()];
    const { user, sessionId } = await login({ role: "PSYKIATER", unitIds: [a.id, b.id] });
    const actor = await resolveSession(sessionId, REQ, at(1));
    expect(actor).toMatchObject({
      userId: user.id,
      role: "PSYKIATER",
      credential: { kind: "session", sessionId },
    });
    expect(actor?.unitIds.sort()).toEqual([a.id, b.id].sort());
  });

  it("ends after 30 idle minutes, and activity keeps it alive", async () => {
    const { user, sessionId } = await login();
    expect(await resolveSession(sessionId, REQ, at(29))).not.toBeNull(); // touched at 29
    expect(await resolveSession(sessionId, REQ, at(58))).not.toBeNull(); // 29 minutes after the touch
    expect(await resolveSession(sessionId, REQ, at(89))).toBeNull(); // 31 idle minutes
    expect(await resolveSession(sessionId, REQ, at(90))).toBeNull(); // stays ended
    const rows = await accessRows({ userId: user.id });
    expect(rows.map((r) => r.action)).toEqual(["LOGIN", "SESSION_ENDED"]);
  });

  it("an idle session refused by the cookie check is ended for good, with its log row", async () => {
    // next-auth's jwt callback (every /api/auth/session call) used to refuse an
    // idle session without ending it: no ended_at, no row in the log.
    const { user, sessionId } = await login();
    expect(await isSessionLive(sessionId, REQ, at(10))).toBe(true);
    expect(await isSessionLive(sessionId, REQ, at(31))).toBe(false);
    const session = await systemDb().session.findUniqueOrThrow({ where: { id: sessionId } });
    expect(session).toMatchObject({ endedAt: at(31), endedReason: "idle" });
    expect(await accessRows({ userId: user.id })).toMatchObject([
      { action: "LOGIN" },
      { action: "SESSION_ENDED", sessionId, requestId: REQ.requestId },
    ]);
  });

  it("logout ends the session for good and is logged once", async () => {
    const { user, sessionId } = await login();
    await endSession({ sessionId, reason: "logout", now: at(1) });
    await endSession({ sessionId, reason: "logout", now: at(2) });
    expect(await resolveSession(sessionId, REQ, at(3))).toBeNull();
    expect((await accessRows({ userId: user.id })).map((r) => r.action)).toEqual(["LOGIN", "LOGOUT"]);
  });

  it("a lockout ends the user's open sessions", async () => {
    const { user, sessionId } = await login();
    for (let i = 0; i < 5; i++) await attemptLogin({ username: user.username, password: "fel", now: at(1) });
    expect(await resolveSession(sessionId, REQ, at(2))).toBeNull();
  });
});

describe("password logins per client address", () => {
  it("are refused past LOGIN_RATE_LIMIT in ten minutes, with the wait and a log row; another address is not", async () => {
    process.env.SAMVARD_PEER_HEADER = "1"; // as src/cli/serve.ts sets it
    const peer = `10.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}.7`;
    const requestId = crypto.randomUUID();
    const headers = { "x-samvard-peer": peer, "x-request-id": requestId };
    for (let i = 0; i < 60; i++) expect(await loginRateLimited(headers)).toBeNull();
    const wait = await loginRateLimited(headers);
    expect(wait).toBeGreaterThan(0);
    expect(wait).toBeLessThanOrEqual(600);
    expect(await systemDb().accessLog.findMany({ where: { clientRequestId: requestId } })).toMatchObject([
      { action: "LOGIN_FAILED", target: "login:rate-limited", userId: null },
    ]);
    expect(await loginRateLimited({ "x-samvard-peer": `${peer}1` })).toBeNull();
  });
});
