import { defineContract } from "@/modules/api/lib/contract";
import { ZMe } from "@/modules/auth/schemas";

export const meContract = defineContract({
  method: "GET",
  path: "/me",
  summary: "The token's user: role and units",
  response: { status: 200, description: "The user", schema: ZMe },
  errors: [],
});
