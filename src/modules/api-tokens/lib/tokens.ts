// Bearer tokens for the HTTP API. The token is shown once; only its SHA-256
// hash is stored (a high-entropy random token needs no slow hash), so a leaked
// database does not leak usable tokens.
import { createHash, randomBytes } from "node:crypto";
import type { PrismaClient } from "@/generated/prisma/client";

const PREFIX = "svd_";

export const hashToken = (token: string): string => createHash("sha256").update(token, "utf8").digest("hex");

export async function createApiToken(
  prisma: PrismaClient,
  { userId, name }: { userId: string; name: string },
) {
  const token = `${PREFIX}${randomBytes(32).toString("base64url")}`;
  const row = await prisma.apiToken.create({ data: { userId, name, tokenHash: hashToken(token) } });
  return { id: row.id, token };
}

export const looksLikeToken = (value: string): boolean => /^svd_[A-Za-z0-9_-]{43}$/.test(value);
