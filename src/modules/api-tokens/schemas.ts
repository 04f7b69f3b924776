import { z } from "zod";
import { ZId, requiredText } from "@/lib/schemas";

export const ZCreateToken = z.object({ name: requiredText(100, "Ange vad nyckeln ska användas till.") });
export const ZRevokeToken = z.object({ tokenId: ZId });
