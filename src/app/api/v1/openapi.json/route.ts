import { env } from "@/lib/env";
import { openApiDocument } from "@/modules/api/openapi";
import { CONTRACTS } from "../contracts";

// Public: the contract itself holds no patient data.
export function GET(): Response {
  return Response.json(openApiDocument(CONTRACTS, { maxBodyBytes: env().API_MAX_BODY_BYTES }), {
    headers: { "Cache-Control": "public, max-age=300" },
  });
}
