import { z } from "zod";
import { ZPathId, defineContract } from "@/modules/api/lib/contract";
import { ZFlagCode, ZFlagHandling, ZHandleFlagInput } from "@/modules/flags/schemas";

export const handleFlagContract = defineContract({
  method: "POST",
  path: "/episodes/{id}/flags/{code}/handle",
  summary: "Handle an open flag (the note of MARKED_FOR_REVIEW is the psychiatrist's answer)",
  description:
    "Any role the flag goes to may handle it (403 for another); 409 if the flag is not open today.",
  params: z.object({ id: ZPathId, code: ZFlagCode }),
  body: ZHandleFlagInput,
  response: { status: 200, description: "The handling", schema: ZFlagHandling },
  errors: [400, 403, 404, 409],
});
