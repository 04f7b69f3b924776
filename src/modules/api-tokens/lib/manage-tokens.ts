import "server-only";
import { now } from "@/lib/clock";
import { systemDb } from "@/lib/db/client";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { recordAccess, recordActorAccess } from "@/modules/audit/lib/record-access";
import type { Actor, UseCaseActor } from "@/modules/auth/actor";
import { reauthenticate } from "@/modules/auth/lib/login";
import { isFreshLogin } from "@/modules/auth/rules/oidc";
import { createApiToken } from "./tokens";

/** The user's own tokens, newest first; never the token itself (only its hash is stored). */
export const listOwnTokens = (userId: string) =>
  systemDb().apiToken.findMany({
    where: { userId },
    orderBy: { createdAt: "desc" },
    select: { id: true, name: true, createdAt: true, lastUsedAt: true, expiresAt: true, revokedAt: true },
  });

/**
 * A new token for the actor, after they proved who they are again: a token
 * outlives the session that made it, so a session left open must not be
 * enough. A password login types the password again; an IdP login must be
 * recent (a new login through the IdP, OIDC_REAUTH_MINUTES). Creation is
 * access-logged (not patient data, but the key to it), and so is a refusal.
 */
export async function createOwnToken({
  actor,
  name,
  password,
}: {
  actor: Actor;
  name: string;
  password: string;
}) {
  const sessionId = actor.credential.kind === "session" ? actor.credential.sessionId : undefined;
  if (actor.login?.method === "oidc") {
    const minutes = env().OIDC_REAUTH_MINUTES;
    if (!isFreshLogin(actor.login.authenticatedAt, now(), minutes)) {
      await recordAccess(systemDb(), {
        action: "LOGIN_FAILED",
        userId: actor.userId,
        username: actor.username,
        target: "reauth:api-token:oidc-login-too-old",
        requestId: actor.requestId,
        clientRequestId: actor.clientRequestId ?? null,
        sessionId: sessionId ?? null,
      });
      throw new AppError("INVALID_INPUT", {
        userMessage: `Logga in igen för att skapa en nyckel: inloggningen får vara högst ${minutes} minuter gammal.`,
      });
    }
  } else {
    if (!password)
      throw new AppError("INVALID_INPUT", { fieldErrors: { password: ["Ange ditt lösenord."] } });
    const ok = await reauthenticate({ actor: { ...actor, sessionId }, password, purpose: "api-token" });
    if (!ok) {
      throw new AppError("INVALID_INPUT", {
        userMessage: "Fel lösenord.",
        fieldErrors: { password: ["Fel lösenord. Efter flera fel låses kontot en stund."] },
      });
    }
  }
  return systemDb().$transaction(async (tx) => {
    const created = await createApiToken(tx, {
      userId: actor.userId,
      name,
      days: env().API_TOKEN_DAYS,
      now: now(),
    });
    await recordActorAccess(tx, actor, { action: "API_TOKEN_CREATED", target: `api-token:${created.id}` });
    return created;
  });
}

/** Revokes one of the user's own tokens, logged; someone else's is "not found". */
export async function revokeOwnToken({
  actor,
  tokenId,
}: {
  actor: UseCaseActor;
  tokenId: string;
}): Promise<void> {
  await systemDb().$transaction(async (tx) => {
    const { count } = await tx.apiToken.updateMany({
      where: { id: tokenId, userId: actor.userId, revokedAt: null },
      data: { revokedAt: now() },
    });
    if (count === 0)
      throw new AppError("NOT_FOUND", { userMessage: "Nyckeln hittades inte eller är redan spärrad." });
    await recordActorAccess(tx, actor, { action: "API_TOKEN_REVOKED", target: `api-token:${tokenId}` });
  });
}
