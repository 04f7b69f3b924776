import "server-only";
import type { z } from "zod";
import { env } from "@/lib/env";
import { AppError, isAppError } from "@/lib/errors";
import { clientRequestId, newRequestId } from "@/lib/request-id";
import { fieldErrors } from "@/lib/schemas";
import { authenticateBearer } from "@/modules/api-tokens/lib/authenticate";
import type { Actor } from "@/modules/auth/actor";
import { BodyTooLargeError, readJsonBody } from "./body";
import { isNotFoundParam, type RouteContract } from "./contract";
import { problem } from "./problem";
import { isDatabaseUnavailable } from "@/lib/db/errors";
import { log } from "@/lib/log";

type RouteContext = { params: Promise<Record<string, string | string[]>> };

type Out<S> = S extends z.ZodType ? z.output<S> : undefined;

export type ApiInput<C extends RouteContract> = {
  req: Request;
  actor: C["public"] extends true ? null : Actor;
  params: Out<C["params"]>;
  query: Out<C["query"]>;
  body: Out<C["body"]>;
};

const invalid = (error: z.ZodError) =>
  new AppError("INVALID_INPUT", {
    userMessage: "Uppgifterna är ofullständiga eller felaktiga.",
    fieldErrors: fieldErrors(error),
  });

/** Path parameters: an id that cannot exist is 404; any other bad segment (a flag code) is 400. */
function parseParams(contract: RouteContract, raw: Record<string, string | string[]>) {
  if (!contract.params) return { value: undefined, notFound: false };
  const result = contract.params.safeParse(raw);
  if (result.success) return { value: result.data, notFound: false };
  const shape = contract.params.shape as Record<string, z.ZodType>;
  const onlyIds = result.error.issues.every((i) => isNotFoundParam(shape[String(i.path[0])]));
  if (!onlyIds) throw invalid(result.error);
  return { value: undefined, notFound: true };
}

/** The 503's detail: in Swedish, for the people who see it in their system's messages too. */
export const DATABASE_UNAVAILABLE =
  "Samvård når inte databasen just nu. Om en ändring hann sparas innan förbindelsen bröts går inte att säga: försök igen om en stund (en kontakt med samma idempotencyKey sparas bara en gång).";

const json = (data: unknown, status: number): Response =>
  Response.json(data, { status, headers: { "Cache-Control": "no-store" } });

/**
 * An API route from its contract: bearer authentication (401), inputs (400,
 * and 413 for a body over API_MAX_BODY_BYTES, refused before parsing), path
 * ids (404), then the handler, whose use case answers 404/403/409/422 through
 * AppError in api.md's order. Nothing unexpected leaks: other errors are
 * logged with the request id and answered 500 naming it.
 */
export function apiRoute<const C extends RouteContract>(
  contract: C,
  handler: (input: ApiInput<C>) => Promise<unknown>,
) {
  return async (req: Request, context: RouteContext): Promise<Response> => {
    const request = {
      requestId: newRequestId(),
      clientRequestId: clientRequestId(req.headers.get("x-request-id")),
    };
    try {
      let actor: Actor | null = null;
      if (!contract.public) {
        const auth = await authenticateBearer(req.headers.get("authorization"), request);
        if ("refused" in auth) {
          return problem(
            401,
            auth.refused === "expired"
              ? "The bearer token has expired; create a new one."
              : "Bearer token missing, unknown or revoked.",
            {},
            { "WWW-Authenticate": 'Bearer realm="samvard"' },
          );
        }
        actor = auth.actor;
      }
      const params = parseParams(contract, await context.params);
      let query: unknown;
      if (contract.query) {
        const result = contract.query.safeParse(Object.fromEntries(new URL(req.url).searchParams));
        if (!result.success) throw invalid(result.error);
        query = result.data;
      }
      let body: unknown;
      if (contract.body) {
        const result = contract.body.safeParse(await readJsonBody(req, env().API_MAX_BODY_BYTES));
        if (!result.success) throw invalid(result.error);
        body = result.data;
      }
      if (params.notFound) throw new AppError("NOT_FOUND");
      const data = await handler({ req, actor, params: params.value, query, body } as ApiInput<C>);
      if (contract.response.mediaType)
        return new Response(data as string, {
          status: contract.response.status,
          headers: {
            "Content-Type": `${contract.response.mediaType}; charset=utf-8`,
            "Cache-Control": "no-store",
          },
        });
      return json(data, contract.response.status);
    } catch (error) {
      if (error instanceof BodyTooLargeError) {
        return problem(413, `The request body is larger than ${error.limit} bytes.`);
      }
      if (isAppError(error)) {
        const retryAfter = error.details?.retryAfter;
        return problem(
          error.status,
          error.userMessage,
          { ...(error.fieldErrors ? { errors: error.fieldErrors } : {}), ...error.details },
          typeof retryAfter === "number" ? { "Retry-After": String(retryAfter) } : {},
        );
      }
      // The client went away while its body was read (a closed tab, a load tool stopping): not our error.
      if (req.signal.aborted || (error as { code?: unknown } | null)?.code === "ECONNRESET") {
        log.warn(
          { requestId: request.requestId },
          "[api] the client closed the connection before its request was read",
        );
        return problem(400, "The client closed the connection before its request was read.");
      }
      // The database is down or restarting: a retry soon succeeds (whether a write that
      // lost its connection at COMMIT was saved is unknown; idempotency keys make the retry safe).
      if (isDatabaseUnavailable(error)) {
        log.warn({ requestId: request.requestId, err: error }, "[api] database unavailable");
        return problem(503, DATABASE_UNAVAILABLE, {}, { "Retry-After": "5" });
      }
      log.error({ requestId: request.requestId, err: error }, "[api] unexpected error");
      return problem(500, `Unexpected error; reference ${request.requestId}.`);
    }
  };
}
