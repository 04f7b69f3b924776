import "server-only";
import { systemDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { recordActorAccess } from "@/modules/audit/lib/record-access";
import type { UseCaseActor } from "../actor";
import { reauthenticate } from "./login";
import { hashPassword } from "./password";
import { endSession } from "./session";

/**
 * The signed-in user chooses a new password: the current one (or the one-time
 * one) first, then a new one of at least 12 signs that is not the same. Clears
 * the one-time flag; logged. Other sessions of the user end (a password
 * someone else knew opens nothing any more).
 */
export async function changeOwnPassword({
  actor,
  current,
  next,
}: {
  actor: UseCaseActor;
  current: string;
  next: string;
}): Promise<void> {
  // A wrong current password counts towards the lockout, like a failed login.
  const ok = await reauthenticate({
    actor: {
      userId: actor.userId,
      username: actor.username,
      requestId: actor.requestId,
      clientRequestId: actor.clientRequestId ?? null,
      sessionId: actor.credential.kind === "session" ? actor.credential.sessionId : undefined,
    },
    password: current,
    purpose: "password-change",
  });
  if (!ok)
    throw new AppError("INVALID_INPUT", {
      userMessage: "Kontrollera de markerade fälten.",
      fieldErrors: { current: ["Lösenordet stämmer inte."] },
    });
  if (next === current)
    throw new AppError("INVALID_INPUT", {
      userMessage: "Kontrollera de markerade fälten.",
      fieldErrors: { next: ["Välj ett annat lösenord än det du har nu."] },
    });
  const passwordHash = await hashPassword(next);
  await systemDb().$transaction(async (tx) => {
    await tx.user.update({
      where: { id: actor.userId },
      data: { passwordHash, passwordChangeRequired: false },
    });
    await recordActorAccess(tx, actor, { action: "UPDATE", target: `user:${actor.userId}:password` });
  });
  const thisSession = actor.credential.kind === "session" ? actor.credential.sessionId : null;
  const others = await systemDb().session.findMany({
    where: { userId: actor.userId, endedAt: null, ...(thisSession ? { id: { not: thisSession } } : {}) },
    select: { id: true },
  });
  for (const s of others)
    await endSession({ sessionId: s.id, reason: "password-changed", requestId: actor.requestId });
}
