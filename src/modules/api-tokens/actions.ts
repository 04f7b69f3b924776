"use server";

import { defineAction } from "@/modules/forms/lib/define-action";
import { createOwnToken, revokeOwnToken } from "./lib/manage-tokens";
import { ZCreateToken, ZRevokeToken } from "./schemas";

/** Any signed-in user may make tokens of their own: a token acts with its user's role and units. */
export const createTokenAction = defineAction({
  schema: ZCreateToken,
  run: async ({ actor, input }) => {
    const { token, expiresAt } = await createOwnToken({ actor, name: input.name, password: input.password });
    return { token, expiresAt: expiresAt.toISOString() };
  },
  revalidate: ["/api-nycklar"],
});

export const revokeTokenAction = defineAction({
  schema: ZRevokeToken,
  run: ({ actor, input }) => revokeOwnToken({ actor, tokenId: input.tokenId }),
  revalidate: ["/api-nycklar"],
});
