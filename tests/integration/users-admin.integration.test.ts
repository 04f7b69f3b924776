// The verksamhetschef's users against a real PostgreSQL: a new user logs in
// with the one-time password and must choose their own; deactivating ends
// sessions and tokens at once; unlock and reset; only the chef's units; logged.
import { describe, expect, it } from "vitest";
import { systemDb } from "@/lib/db/client";
import {
  changeUserAccess,
  changeUserState,
  createUnitUser,
  listUnitUsers,
} from "@/modules/admin/lib/unit-users";
import { ZNewUser } from "@/modules/admin/schemas";
import { authenticateBearer } from "@/modules/api-tokens/lib/authenticate";
import { createApiToken } from "@/modules/api-tokens/lib/tokens";
import { changeOwnPassword } from "@/modules/auth/lib/change-password";
import { attemptLogin } from "@/modules/auth/lib/login";
import { resolveSession } from "@/modules/auth/lib/session";
import {
  accessRows,
  actorOf,
  createTestUnit,
  createTestUser,
  createTokenUser,
  unique,
} from "../support/factories";
import { createTeam } from "../support/scenario";

const request = { requestId: crypto.randomUUID(), clientRequestId: null };

const newUser = (unitId: string, extra: Record<string, unknown> = {}) =>
  ZNewUser.parse({
    unitId,
    username: unique("ny").toLowerCase(),
    displayName: "Nina Nyström",
    role: "VARDSAMORDNARE",
    hsaId: "",
    oneTimePassword: "on",
    unitIds: [unitId],
    ...extra,
  });

describe("users of the unit", () => {
  it("a new user logs in with the one-time password, must choose their own, then is an ordinary user", async () => {
    const t = await createTeam();
    const created = await createUnitUser({ actor: t.vc, input: newUser(t.unitId) });
    expect(created.password).toMatch(/^[A-Za-z2-9]{4}(-[A-Za-z2-9]{4}){3}$/);
    const login = await attemptLogin({ username: created.username, password: created.password! });
    expect(login.ok).toBe(true);
    if (!login.ok) return;
    const actor = await resolveSession(login.sessionId, request);
    expect(actor).toMatchObject({
      passwordChangeRequired: true,
      unitIds: [t.unitId],
      role: "VARDSAMORDNARE",
    });

    await expect(
      changeOwnPassword({ actor: actor!, current: "fel-losenord-123", next: "mitt-eget-losenord" }),
    ).rejects.toMatchObject({ fieldErrors: { current: [expect.any(String)] } });
    // A wrong one counts towards the lockout, like a failed login.
    expect((await systemDb().user.findUniqueOrThrow({ where: { id: created.id } })).failedLoginCount).toBe(1);
    // On the one-time password, an API token opens nothing either.
    const { token } = await createApiToken(systemDb(), { userId: created.id, name: "t", days: 30 });
    expect(await authenticateBearer(`Bearer ${token}`, request)).toEqual({ refused: "unknown" });
    const second = await attemptLogin({ username: created.username, password: created.password! });
    await changeOwnPassword({ actor: actor!, current: created.password!, next: "mitt-eget-losenord" });
    expect(await resolveSession(login.sessionId, request)).toMatchObject({ passwordChangeRequired: false });
    expect(await authenticateBearer(`Bearer ${token}`, request)).toHaveProperty("actor");
    // Another session opened with the one-time password ends.
    if (second.ok) expect(await resolveSession(second.sessionId, request)).toBeNull();
    expect((await attemptLogin({ username: created.username, password: created.password! })).ok).toBe(false);
    expect((await attemptLogin({ username: created.username, password: "mitt-eget-losenord" })).ok).toBe(
      true,
    );

    const list = await listUnitUsers({ actor: t.vc, unitId: t.unitId });
    expect(list.map((u) => u.username)).toContain(created.username);
    expect((await accessRows({ userId: t.vc.userId })).map((r) => [r.action, r.target])).toEqual([
      ["CREATE", `user:${created.id}`],
    ]);
  });

  it("with an HSA-id only, no password is made; a taken HSA-id is a conflict; one of them is required", async () => {
    const t = await createTeam();
    const hsaId = `SE2321000131-P${Date.now()}`;
    const created = await createUnitUser({
      actor: t.vc,
      input: newUser(t.unitId, { hsaId: hsaId.toLowerCase(), oneTimePassword: "" }),
    });
    expect(created.password).toBeNull();
    expect(await systemDb().user.findUniqueOrThrow({ where: { id: created.id } })).toMatchObject({
      hsaId,
      passwordChangeRequired: false,
    });
    await expect(
      createUnitUser({ actor: t.vc, input: newUser(t.unitId, { hsaId, oneTimePassword: "" }) }),
    ).rejects.toMatchObject({ status: 409 });
    expect(ZNewUser.safeParse({ ...newUser(t.unitId), oneTimePassword: "", hsaId: "" }).success).toBe(false);
  });

  it("deactivating ends the user's sessions and API tokens at once, logged; reactivating lets them in again", async () => {
    const t = await createTeam();
    const { user, token } = await createTokenUser({ role: "VARDSAMORDNARE", unitIds: [t.unitId] });
    const login = await attemptLogin({ username: user.username, password: "ratt-losenord-123" });
    if (!login.ok) throw new Error("login failed");
    expect(await resolveSession(login.sessionId, request)).not.toBeNull();
    expect(await authenticateBearer(`Bearer ${token}`, request)).toHaveProperty("actor");

    await changeUserState({ actor: t.vc, input: { unitId: t.unitId, userId: user.id, op: "deactivate" } });
    expect(await resolveSession(login.sessionId, request)).toBeNull();
    expect(await authenticateBearer(`Bearer ${token}`, request)).toEqual({ refused: "unknown" });
    const session = await systemDb().session.findUniqueOrThrow({ where: { id: login.sessionId } });
    expect(session).toMatchObject({ endedReason: "deactivated" });
    expect(await systemDb().apiToken.count({ where: { userId: user.id, revokedAt: null } })).toBe(0);
    expect((await accessRows({ userId: user.id })).map((r) => r.action)).toContain("SESSION_ENDED");
    expect((await attemptLogin({ username: user.username, password: "ratt-losenord-123" })).ok).toBe(false);

    await changeUserState({ actor: t.vc, input: { unitId: t.unitId, userId: user.id, op: "reactivate" } });
    expect((await attemptLogin({ username: user.username, password: "ratt-losenord-123" })).ok).toBe(true);
    expect((await accessRows({ userId: t.vc.userId })).map((r) => [r.action, r.target])).toEqual([
      ["API_TOKEN_REVOKED", expect.stringMatching(/^api-token:.*:deactivated$/)],
      ["UPDATE", `user:${user.id}:deactivate`],
      ["UPDATE", `user:${user.id}:reactivate`],
    ]);
  });

  it("unlocks a locked account; a reset gives a new one-time password and ends sessions", async () => {
    const t = await createTeam();
    const user = await createTestUser({ role: "ALLMANLAKARE", unitIds: [t.unitId] });
    for (let i = 0; i < 5; i++) await attemptLogin({ username: user.username, password: "fel" });
    expect(
      (await listUnitUsers({ actor: t.vc, unitId: t.unitId })).find((u) => u.id === user.id)?.locked,
    ).toBe(true);
    await changeUserState({ actor: t.vc, input: { unitId: t.unitId, userId: user.id, op: "unlock" } });
    const login = await attemptLogin({ username: user.username, password: "ratt-losenord-123" });
    expect(login.ok).toBe(true);

    const reset = await changeUserState({
      actor: t.vc,
      input: { unitId: t.unitId, userId: user.id, op: "reset-password" },
    });
    if (login.ok) expect(await resolveSession(login.sessionId, request)).toBeNull();
    expect((await attemptLogin({ username: user.username, password: reset.password! })).ok).toBe(true);
    expect(await systemDb().user.findUniqueOrThrow({ where: { id: user.id } })).toMatchObject({
      passwordChangeRequired: true,
    });
  });

  it("role and units change only within the chef's units; the chef cannot cut themselves off", async () => {
    const t = await createTeam();
    const second = await createTestUnit();
    const elsewhere = await createTestUnit();
    await systemDb().unitMembership.create({ data: { userId: t.vc.userId, unitId: second.id } });
    const vc = actorOf(
      await systemDb().user.findUniqueOrThrow({
        where: { id: t.vc.userId },
        include: { memberships: { include: { unit: true } } },
      }),
    );
    const user = await createTestUser({ role: "PSYKIATER", unitIds: [t.unitId, elsewhere.id] });

    // Works elsewhere too: the account (role, deactivation) is not this chef's alone …
    await expect(
      changeUserAccess({
        actor: vc,
        input: { unitId: t.unitId, userId: user.id, role: "ALLMANLAKARE", hsaId: null, unitIds: [t.unitId] },
      }),
    ).rejects.toMatchObject({ status: 422 });
    await expect(
      changeUserState({ actor: vc, input: { unitId: t.unitId, userId: user.id, op: "deactivate" } }),
    ).rejects.toMatchObject({ status: 422 });
    // … but the memberships in the chef's own units are.
    await changeUserAccess({
      actor: vc,
      input: { unitId: t.unitId, userId: user.id, role: "PSYKIATER", hsaId: null, unitIds: [second.id] },
    });
    const memberships = await systemDb().unitMembership.findMany({ where: { userId: user.id } });
    expect(memberships.map((m) => m.unitId).sort()).toEqual([second.id, elsewhere.id].sort());
    // A user of the chef's units only: the role is theirs to set.
    const own = await createTestUser({ role: "PSYKIATER", unitIds: [t.unitId] });
    await changeUserAccess({
      actor: vc,
      input: { unitId: t.unitId, userId: own.id, role: "ALLMANLAKARE", hsaId: null, unitIds: [t.unitId] },
    });
    expect((await systemDb().user.findUniqueOrThrow({ where: { id: own.id } })).role).toBe("ALLMANLAKARE");

    await expect(
      changeUserAccess({
        actor: vc,
        input: {
          unitId: second.id,
          userId: user.id,
          role: "PSYKIATER",
          hsaId: null,
          unitIds: [elsewhere.id],
        },
      }),
    ).rejects.toMatchObject({ status: 404 });
    await expect(
      changeUserState({ actor: vc, input: { unitId: t.unitId, userId: vc.userId, op: "deactivate" } }),
    ).rejects.toMatchObject({ status: 422 });
    // A user of another unit is "not found", and the attempt is logged.
    const stranger = await createTestUser({ role: "VARDSAMORDNARE" });
    await expect(
      changeUserState({ actor: vc, input: { unitId: t.unitId, userId: stranger.id, op: "deactivate" } }),
    ).rejects.toMatchObject({ status: 404 });
    expect((await accessRows({ userId: vc.userId })).at(-1)).toMatchObject({
      refusal: "NOT_FOUND",
      target: `user:${stranger.id}:deactivate`,
    });
    // The HSA-id of a shared user is not this chef's to change; another chef's password is not theirs to reset.
    await expect(
      changeUserAccess({
        actor: vc,
        input: {
          unitId: second.id,
          userId: user.id,
          role: "PSYKIATER",
          hsaId: "SE2321000131-P1",
          unitIds: [second.id],
        },
      }),
    ).rejects.toMatchObject({ status: 422 });
    const peer = await createTestUser({ role: "VERKSAMHETSCHEF", unitIds: [t.unitId] });
    await expect(
      changeUserState({ actor: vc, input: { unitId: t.unitId, userId: peer.id, op: "reset-password" } }),
    ).rejects.toMatchObject({ status: 422 });
    // Nor demoted first, and then reset.
    await expect(
      changeUserAccess({
        actor: vc,
        input: { unitId: t.unitId, userId: peer.id, role: "ALLMANLAKARE", hsaId: null, unitIds: [t.unitId] },
      }),
    ).rejects.toMatchObject({ status: 422 });
    // Other roles may not.
    await expect(listUnitUsers({ actor: t.cm, unitId: t.unitId })).rejects.toMatchObject({ status: 403 });
  });
});
