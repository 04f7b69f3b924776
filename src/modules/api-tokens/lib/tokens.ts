// Bearer tokens for the HTTP API. The token is shown once; only its SHA-256
// hash is stored (a high-entropy random token needs no slow hash), so a leaked
// database does not leak usable tokens. Tokens expire (API_TOKEN_DAYS).
import { createHash, randomBytes } from "node:crypto";
import type { DbTx } from "@/lib/db/client";

const PREFIX = "svd_";
const DAY_MS = 86_400_000;

export const hashToken = (token: string): string => createHash("sha256").update(token, "utf8").digest("hex");

export async function createApiToken(
  db: DbTx,
  { userId, name, days, now = new Date() }: { userId: string; name: string; days: number; now?: Date },
) {
  const token = `${PREFIX}${randomBytes(32).toString("base64url")}`;
  const row = await db.apiToken.create({
    data: {
      userId,
      name,
      tokenHash: hashToken(token),
      createdAt: now,
      expiresAt: new Date(now.getTime() + days * DAY_MS),
    },
  });
  return { id: row.id, token, expiresAt: row.expiresAt };
}

export const looksLikeToken = (value: string): boolean => /^svd_[A-Za-z0-9_-]{43}$/.test(value);
