import { z } from "zod";
import { ZId, requiredText } from "@/lib/schemas";

export const ZCreateToken = z.object({
  name: requiredText(100, "Ange vad nyckeln ska användas till."),
  password: z.string({ error: "Ange ditt lösenord." }).min(1, { error: "Ange ditt lösenord." }).max(200),
});
export const ZRevokeToken = z.object({ tokenId: ZId });
