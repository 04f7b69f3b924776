// RFC 9457 problem details: every API error has this shape.
const TITLES: Record<number, string> = {
  400: "Invalid input",
  401: "Unauthorized",
  403: "Forbidden",
  404: "Not found",
  405: "Method not allowed",
  409: "Conflict",
  410: "Gone",
  413: "Content too large",
  422: "Unprocessable request",
  429: "Too many requests",
  500: "Internal error",
  503: "Service unavailable",
};

const SLUGS: Record<number, string> = {
  400: "invalid-input",
  401: "unauthorized",
  403: "forbidden",
  404: "not-found",
  405: "method-not-allowed",
  409: "conflict",
  410: "gone",
  413: "content-too-large",
  422: "unprocessable",
  429: "too-many-requests",
  500: "internal-error",
  503: "service-unavailable",
};

export function problem(
  status: number,
  detail: string,
  extra: { errors?: Record<string, string[]>; [key: string]: unknown } = {},
  headers: Record<string, string> = {},
): Response {
  const body = {
    type: `urn:samvard:problem:${SLUGS[status] ?? "error"}`,
    title: TITLES[status] ?? "Error",
    status,
    detail,
    ...extra,
  };
  return new Response(JSON.stringify(body), {
    status,
    headers: { "Content-Type": "application/problem+json", "Cache-Control": "no-store", ...headers },
  });
}
