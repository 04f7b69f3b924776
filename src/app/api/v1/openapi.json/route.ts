import { openApiDocument } from "@/modules/api/openapi";

// Public: the contract itself holds no patient data.
export function GET(): Response {
  return Response.json(openApiDocument(), { headers: { "Cache-Control": "public, max-age=300" } });
}
