import "server-only";
import { systemDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { recordActorAccess } from "@/modules/audit/lib/record-access";
import type { UseCaseActor } from "../actor";
import { hashPassword, verifyPassword } from "./password";

/**
 * The signed-in user chooses a new password: the current one (or the one-time
 * one) first, then a new one of at least 12 signs that is not the same. Clears
 * the one-time flag; logged.
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
  const user = await systemDb().user.findUniqueOrThrow({
    where: { id: actor.userId },
    select: { passwordHash: true },
  });
  if (!(await verifyPassword(user.passwordHash, current)))
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
}
