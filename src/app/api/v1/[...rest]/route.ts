import { AppError } from "@/lib/errors";
import { defineContract } from "@/modules/api/lib/contract";
import { apiRoute } from "@/modules/api/lib/handler";
import { ZProblem } from "@/modules/api/lib/contract";

export const dynamic = "force-dynamic";

// Unknown API paths answer problem+json like the rest of the API (401 first), not an HTML page.
const unknown = defineContract({
  method: "GET",
  path: "/{unknown}",
  summary: "No such endpoint",
  response: { status: 200, description: "never", schema: ZProblem },
  errors: [404],
});
const notFound = apiRoute(unknown, () =>
  Promise.reject(new AppError("NOT_FOUND", { userMessage: "No such API endpoint." })),
);
export { notFound as GET, notFound as POST, notFound as PUT, notFound as PATCH, notFound as DELETE };
