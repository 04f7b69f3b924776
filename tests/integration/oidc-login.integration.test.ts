// The login through the region's identity provider, below next-auth: the
// match by HSA-id, the refusals and their log rows, the session it opens, and
// the recent login an API token needs.
import { describe, expect, it } from "vitest";
import { systemDb } from "@/lib/db/client";
import { createOwnToken } from "@/modules/api-tokens/lib/manage-tokens";
import { attemptLogin } from "@/modules/auth/lib/login";
import { attemptOidcLogin } from "@/modules/auth/lib/oidc-login";
import { resolveSession } from "@/modules/auth/lib/session";
import { TEST_PASSWORD, accessRows, actorOf, createTestUser, unique } from "../support/factories";

const t0 = new Date("2026-11-22T09:00:00Z");
const at = (minutes: number) => new Date(t0.getTime() + minutes * 60_000);
const newHsaId = () =>
  `SE2321000016-${unique("P")
    .replace(/[^A-Z0-9]/gi, "")
    .toUpperCase()
    .slice(-20)}`;

async function userWithHsaId() {
  const user = await createTestUser();
  const hsaId = newHsaId();
  await systemDb().user.update({ where: { id: user.id }, data: { hsaId } });
  return { user, hsaId };
}

describe("OIDC login", () => {
  it("the HSA-id the verksamhetschef set opens a session marked oidc, at the IdP's auth_time, logged", async () => {
    const { user, hsaId } = await userWithHsaId();
    const authTime = Math.floor(at(-2).getTime() / 1000);
    const result = await attemptOidcLogin({
      hsaIdClaim: ` ${hsaId.toLowerCase()} `,
      authTimeClaim: authTime,
      requestId: "oidc-1",
      now: t0,
    });
    expect(result).toMatchObject({ ok: true, user: { id: user.id, displayName: user.displayName } });
    if (!result.ok) return;
    const session = await systemDb().session.findUniqueOrThrow({ where: { id: result.sessionId } });
    expect(session).toMatchObject({ method: "oidc", authenticatedAt: at(-2), createdAt: t0, endedAt: null });
    expect(await accessRows({ userId: user.id })).toMatchObject([
      { action: "LOGIN", requestId: "oidc-1", target: `session:${result.sessionId}:oidc` },
    ]);
    const actor = await resolveSession(result.sessionId, { requestId: "r" }, at(1));
    expect(actor?.login).toEqual({ method: "oidc", authenticatedAt: at(-2) });
  });

  it("an HSA-id that no user has is refused and logged without naming anyone; no user is created", async () => {
    const requestId = crypto.randomUUID();
    const users = await systemDb().user.count();
    const result = await attemptOidcLogin({ hsaIdClaim: newHsaId(), authTimeClaim: undefined, requestId });
    expect(result).toEqual({ ok: false, reason: "UNKNOWN_HSA_ID" });
    expect(await systemDb().user.count()).toBe(users);
    const rows = await systemDb().accessLog.findMany({ where: { requestId } });
    expect(rows).toMatchObject([
      { action: "LOGIN_FAILED", target: "login:oidc:unknown-hsa-id", userId: null, username: null },
    ]);
  });

  it.each([
    ["no claim", undefined],
    ["a number", 42],
    ["not an HSA-id", "19121212-1212"],
  ])("a token without a usable HSA-id (%s) is refused and logged", async (_name, claim) => {
    const requestId = crypto.randomUUID();
    expect(await attemptOidcLogin({ hsaIdClaim: claim, authTimeClaim: undefined, requestId })).toEqual({
      ok: false,
      reason: "NO_HSA_ID",
    });
    expect(await systemDb().accessLog.findMany({ where: { requestId } })).toMatchObject([
      { action: "LOGIN_FAILED", target: "login:oidc:no-hsa-id" },
    ]);
  });

  it("a deactivated user is refused and the refusal names them", async () => {
    const { user, hsaId } = await userWithHsaId();
    await systemDb().user.update({ where: { id: user.id }, data: { active: false } });
    expect(await attemptOidcLogin({ hsaIdClaim: hsaId, authTimeClaim: undefined, now: t0 })).toEqual({
      ok: false,
      reason: "DEACTIVATED",
    });
    expect(await accessRows({ userId: user.id })).toMatchObject([
      { action: "LOGIN_FAILED", target: "login:oidc:deactivated" },
    ]);
    expect(await systemDb().session.count({ where: { userId: user.id } })).toBe(0);
  });

  it("five wrong passwords lock password logins, not the IdP's: its login and its session go on", async () => {
    const { user, hsaId } = await userWithHsaId();
    const result = await attemptOidcLogin({ hsaIdClaim: hsaId, authTimeClaim: undefined, now: t0 });
    if (!result.ok) throw new Error("refused");
    await systemDb().user.update({
      where: { id: user.id },
      data: { failedLoginCount: 5, lockedUntil: at(15) },
    });
    expect(await resolveSession(result.sessionId, { requestId: "r" }, at(1))).not.toBeNull();
    expect((await attemptOidcLogin({ hsaIdClaim: hsaId, authTimeClaim: undefined, now: at(2) })).ok).toBe(
      true,
    );
  });

  it("voids a one-time password still waiting to be replaced: the person is proven, nobody else may use it", async () => {
    const { user, hsaId } = await userWithHsaId();
    await systemDb().user.update({ where: { id: user.id }, data: { passwordChangeRequired: true } });
    const result = await attemptOidcLogin({ hsaIdClaim: hsaId, authTimeClaim: undefined, now: t0 });
    if (!result.ok) throw new Error("refused");
    expect((await resolveSession(result.sessionId, { requestId: "r" }, t0))?.passwordChangeRequired).toBe(
      false,
    );
    const after = await systemDb().user.findUniqueOrThrow({ where: { id: user.id } });
    expect(after.passwordChangeRequired).toBe(false);
    expect(await attemptLogin({ username: user.username, password: TEST_PASSWORD, now: t0 })).toEqual({
      ok: false,
      reason: "INVALID",
    });
  });
});

describe("an API token from an IdP login", () => {
  async function oidcActor(authenticatedAgo: number) {
    const { user, hsaId } = await userWithHsaId();
    const now = new Date();
    const result = await attemptOidcLogin({
      hsaIdClaim: hsaId,
      authTimeClaim: Math.floor((now.getTime() - authenticatedAgo * 60_000) / 1000),
      now,
    });
    if (!result.ok) throw new Error("refused");
    return { user, actor: (await resolveSession(result.sessionId, { requestId: crypto.randomUUID() }))! };
  }

  it("is created without a password within five minutes of the IdP login", async () => {
    const { user, actor } = await oidcActor(1);
    const created = await createOwnToken({ actor, name: "Integration", password: "" });
    expect(created.token).toMatch(/^svd_/);
    expect((await accessRows({ userId: user.id })).map((r) => r.action)).toEqual([
      "LOGIN",
      "API_TOKEN_CREATED",
    ]);
  });

  it("is refused, and the refusal logged, when the IdP login is older; a typed password does not help", async () => {
    const { user, actor } = await oidcActor(6);
    await expect(createOwnToken({ actor, name: "Integration", password: "anything" })).rejects.toMatchObject({
      code: "INVALID_INPUT",
      userMessage: expect.stringMatching(/Logga in igen/),
    });
    expect(await systemDb().apiToken.count({ where: { userId: user.id } })).toBe(0);
    expect((await accessRows({ userId: user.id })).at(-1)).toMatchObject({
      action: "LOGIN_FAILED",
      target: "reauth:api-token:oidc-login-too-old",
    });
  });

  it("a password login still types the password: an empty one is a field error", async () => {
    const user = await createTestUser();
    await expect(createOwnToken({ actor: actorOf(user), name: "x", password: "" })).rejects.toMatchObject({
      code: "INVALID_INPUT",
      fieldErrors: { password: ["Ange ditt lösenord."] },
    });
  });
});
