import "server-only";
import type { z } from "zod";
import { fieldErrors } from "@/lib/schemas";
import { AppError, isAppError } from "@/lib/errors";
import { authenticateBearer, type TokenActor } from "@/modules/api-tokens/lib/authenticate";
import { isUuid, trustedRequestId } from "@/lib/request-id";
import { problem } from "./problem";

type RouteContext = { params: Promise<Record<string, string>> };
export type ApiContext = {
  req: Request;
  actor: TokenActor;
  requestId: string;
  params: Record<string, string>;
};

/** A path id that cannot exist is "not found", like another unit's record. */
export function pathId(ctx: ApiContext, name = "id"): string {
  const value = ctx.params[name] ?? "";
  if (!isUuid(value)) throw new AppError("NOT_FOUND");
  return value.toLowerCase();
}

function invalid(error: z.ZodError): AppError {
  return new AppError("INVALID_INPUT", {
    userMessage: "Uppgifterna är ofullständiga eller felaktiga.",
    fieldErrors: fieldErrors(error),
  });
}

/** The JSON body, validated (400 with field errors). */
export async function parseBody<S extends z.ZodType>(req: Request, schema: S): Promise<z.output<S>> {
  let body: unknown;
  try {
    body = await req.json();
  } catch {
    throw new AppError("INVALID_INPUT", { userMessage: "Begäran saknar giltig JSON." });
  }
  const result = schema.safeParse(body);
  if (!result.success) throw invalid(result.error);
  return result.data;
}

/** Query parameters, validated (400 with field errors). */
export function parseQuery<S extends z.ZodType>(req: Request, schema: S): z.output<S> {
  const query = Object.fromEntries(new URL(req.url).searchParams);
  const result = schema.safeParse(query);
  if (!result.success) throw invalid(result.error);
  return result.data;
}

export const json = (data: unknown, status = 200): Response =>
  Response.json(data, { status, headers: { "Cache-Control": "no-store" } });

/**
 * Wraps an API route: bearer authentication (401), then the handler, whose
 * use case answers 400/404/403/409/422 through AppError in api.md's order.
 * Nothing unexpected leaks: other errors are logged and answered 500.
 */
export function apiRoute(handler: (ctx: ApiContext) => Promise<Response>) {
  return async (req: Request, context: RouteContext): Promise<Response> => {
    const requestId = trustedRequestId(req.headers.get("x-request-id"));
    try {
      const actor = await authenticateBearer(req.headers.get("authorization"));
      if (!actor) {
        return problem(
          401,
          "Bearer token missing, unknown or revoked.",
          {},
          { "WWW-Authenticate": 'Bearer realm="samvard"' },
        );
      }
      return await handler({ req, actor, requestId, params: await context.params });
    } catch (error) {
      if (isAppError(error)) {
        return problem(error.status, error.userMessage, {
          ...(error.fieldErrors ? { errors: error.fieldErrors } : {}),
          ...error.details,
        });
      }
      console.error(`[api] ${requestId}`, error);
      return problem(500, `Unexpected error; reference ${requestId}.`);
    }
  };
}
