import { z } from "zod";
import { requiredText } from "@/lib/schemas";

export const ZCaseReviewInput = z.object({
  text: requiredText(5000, "Skriv rekommendationen till läkaren och vårdsamordnaren."),
});
export type TCaseReviewInput = z.infer<typeof ZCaseReviewInput>;
