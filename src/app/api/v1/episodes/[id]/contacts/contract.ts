import { z } from "zod";
import { ZPathId, defineContract } from "@/modules/api/lib/contract";
import { ZContact, ZLogContact } from "@/modules/contacts/schemas";

export const logContactContract = defineContract({
  method: "POST",
  path: "/episodes/{id}/contacts",
  summary: "Log a contact (with MADRS-S when the patient was reached)",
  description:
    "`madrsS` is exactly nine integers 0–6, only with `reached: true` and counterpart PATIENT. 422 for a date before the start or after the episode closed.",
  params: z.object({ id: ZPathId }),
  body: ZLogContact,
  response: { status: 201, description: "The contact", schema: ZContact },
  errors: [400, 403, 404, 409, 422],
});
