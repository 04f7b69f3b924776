import { z } from "zod";
import { ZId, requiredText } from "@/lib/schemas";

export const ZCreateToken = z.object({
  name: requiredText(100, "Ange vad nyckeln ska användas till."),
  /** Asked of a password login; an IdP login proves itself by being recent instead. */
  password: z.string().max(200).optional().default(""),
});
export const ZRevokeToken = z.object({ tokenId: ZId });
