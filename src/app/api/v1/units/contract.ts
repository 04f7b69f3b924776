import { z } from "zod";
import { defineContract } from "@/modules/api/lib/contract";
import { ZUnit } from "@/modules/auth/schemas";

export const unitsContract = defineContract({
  method: "GET",
  path: "/units",
  summary: "The caller's units",
  response: { status: 200, description: "Units", schema: z.array(ZUnit) },
  errors: [],
});
