import "server-only";
import { now } from "@/lib/clock";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { createApiToken } from "./tokens";

/** The user's own tokens, newest first; never the token itself (only its hash is stored). */
export const listOwnTokens = (userId: string) =>
  db().apiToken.findMany({
    where: { userId },
    orderBy: { createdAt: "desc" },
    select: { id: true, name: true, createdAt: true, lastUsedAt: true, revokedAt: true },
  });

export const createOwnToken = (userId: string, name: string) => createApiToken(db(), { userId, name });

/** Revokes one of the user's own tokens; someone else's is "not found". */
export async function revokeOwnToken(userId: string, tokenId: string): Promise<void> {
  const { count } = await db().apiToken.updateMany({
    where: { id: tokenId, userId, revokedAt: null },
    data: { revokedAt: now() },
  });
  if (count === 0)
    throw new AppError("NOT_FOUND", { userMessage: "Nyckeln hittades inte eller är redan spärrad." });
}
