import { AppError } from "@/lib/errors";
import { apiRoute } from "@/modules/api/lib/handler";

export const dynamic = "force-dynamic";

// Unknown API paths answer problem+json like the rest of the API (401 first), not an HTML page.
const notFound = apiRoute(() =>
  Promise.reject(new AppError("NOT_FOUND", { userMessage: "No such API endpoint." })),
);
export { notFound as GET, notFound as POST, notFound as PUT, notFound as PATCH, notFound as DELETE };
