"use server";

import { revalidatePath } from "next/cache";
import { authorize, currentActor } from "@/lib/authz";
import { fieldErrors } from "@/lib/schemas";
import { isAppError } from "@/lib/errors";
import { createOwnToken, revokeOwnToken } from "./lib/manage-tokens";
import { ZCreateToken, ZRevokeToken } from "./schemas";

export type CreateTokenState = { token?: string; error?: string; fieldErrors?: Record<string, string[]> };

export async function createTokenAction(_prev: CreateTokenState, form: FormData): Promise<CreateTokenState> {
  const parsed = ZCreateToken.safeParse({ name: form.get("name") });
  if (!parsed.success) return { fieldErrors: fieldErrors(parsed.error) };
  const actor = authorize(await currentActor());
  const { token } = await createOwnToken(actor.userId, parsed.data.name);
  revalidatePath("/api-nycklar");
  return { token };
}

export async function revokeTokenAction(form: FormData): Promise<void> {
  const parsed = ZRevokeToken.safeParse({ tokenId: form.get("tokenId") });
  if (!parsed.success) return;
  const actor = authorize(await currentActor());
  try {
    await revokeOwnToken(actor.userId, parsed.data.tokenId);
  } catch (e) {
    if (!isAppError(e)) throw e;
  }
  revalidatePath("/api-nycklar");
}
