import "server-only";
import { now as clockNow } from "@/lib/clock";
import { systemDb } from "@/lib/db/client";
import { recordAccess } from "@/modules/audit/lib/record-access";
import { randomBytes } from "node:crypto";
import { hashPassword } from "./password";
import { authTimeOf, normalizeHsaId, type OidcRefusal } from "../rules/oidc";

export type OidcLoginResult =
  | { ok: true; user: { id: string; displayName: string }; sessionId: string }
  | { ok: false; reason: OidcRefusal };

/**
 * A login through the region's identity provider: the IdP proved who the
 * person is, Samvård decides whether that person is a user here. Only the
 * HSA-id the verksamhetschef set on the user page lets someone in; nothing is
 * created from a claim. Every outcome is access-logged, the refusals with why
 * (the HSA-id itself is not logged for an unknown person: it names someone
 * who is not a user).
 */
export async function attemptOidcLogin({
  hsaIdClaim,
  authTimeClaim,
  requestId = crypto.randomUUID(),
  clientRequestId = null,
  now = clockNow(),
}: {
  hsaIdClaim: unknown;
  authTimeClaim: unknown;
  requestId?: string;
  clientRequestId?: string | null;
  now?: Date;
}): Promise<OidcLoginResult> {
  const ids = { requestId, clientRequestId };
  const hsaId = normalizeHsaId(hsaIdClaim);
  const refuse = async (
    reason: OidcRefusal,
    user: { id: string; username: string } | null,
  ): Promise<OidcLoginResult> => {
    await recordAccess(systemDb(), {
      action: "LOGIN_FAILED",
      userId: user?.id ?? null,
      username: user?.username ?? null,
      target: `login:oidc:${reason.toLowerCase().replaceAll("_", "-")}`,
      ...ids,
    });
    return { ok: false, reason };
  };

  if (!hsaId) return refuse("NO_HSA_ID", null);
  const user = await systemDb().user.findUnique({ where: { hsaId } });
  if (!user) return refuse("UNKNOWN_HSA_ID", null);
  if (!user.active) return refuse("DEACTIVATED", user);

  const outcome = await systemDb().$transaction(async (tx) => {
    await tx.$executeRaw`SELECT 1 FROM app_user WHERE id = ${user.id}::uuid FOR UPDATE`;
    const current = await tx.user.findUniqueOrThrow({ where: { id: user.id } });
    if (!current.active) return { ok: false as const, refused: "DEACTIVATED" as const };
    // The password lock guards against guessing passwords; it does not stop a
    // person the IdP has proven (or anyone could lock a clinician out with five
    // wrong passwords). A one-time password still waiting to be replaced is
    // voided: the person has proven who they are, and nobody else may use it.
    await tx.user.update({
      where: { id: user.id },
      data: current.passwordChangeRequired
        ? {
            passwordHash: await hashPassword(randomBytes(32).toString("base64url")),
            passwordChangeRequired: false,
          }
        : {},
    });
    const s = await tx.session.create({
      data: {
        userId: user.id,
        createdAt: now,
        lastSeenAt: now,
        method: "oidc",
        authenticatedAt: authTimeOf(authTimeClaim, now),
      },
    });
    await recordAccess(tx, {
      action: "LOGIN",
      userId: user.id,
      username: user.username,
      target: `session:${s.id}:oidc`,
      sessionId: s.id,
      ...ids,
    });
    return { ok: true as const, sessionId: s.id };
  });
  if (!outcome.ok) return refuse(outcome.refused, user);
  return { ok: true, user: { id: user.id, displayName: user.displayName }, sessionId: outcome.sessionId };
}
