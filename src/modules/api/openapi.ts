// The OpenAPI 3.1 document, built from the routes' own contracts (zod 4's JSON
// Schema output is draft 2020-12, OpenAPI 3.1's dialect). Nothing here is
// typed twice: a route's method, path, inputs and output come from its contract.
import { z } from "zod";
import { ZProblem, type RouteContract } from "./lib/contract";

const jsonSchema = (schema: z.ZodType, io: "input" | "output") => {
  const { $schema: _s, ...rest } = z.toJSONSchema(schema, {
    io,
    unrepresentable: "any",
    target: "draft-2020-12",
  }) as Record<string, unknown>;
  return rest;
};

const problemResponse = {
  description: "Problem details (RFC 9457)",
  content: { "application/problem+json": { schema: { $ref: "#/components/schemas/Problem" } } },
};

function parameters(contract: RouteContract) {
  const of = (schema: z.ZodObject | undefined, where: "path" | "query") => {
    if (!schema) return [];
    const json = jsonSchema(schema, "input") as { properties?: Record<string, object>; required?: string[] };
    return Object.entries(json.properties ?? {}).map(([name, s]) => ({
      name,
      in: where,
      required: where === "path" || (json.required ?? []).includes(name),
      schema: s,
    }));
  };
  return [...of(contract.params, "path"), ...of(contract.query, "query")];
}

function operation(contract: RouteContract) {
  const statuses = [
    ...(contract.public ? [] : [401]),
    ...contract.errors,
    ...(contract.body ? [413] : []),
  ].sort();
  const params = parameters(contract);
  return {
    summary: contract.summary,
    ...(contract.description ? { description: contract.description } : {}),
    ...(contract.public ? { security: [] } : {}),
    ...(params.length ? { parameters: params } : {}),
    ...(contract.body
      ? {
          requestBody: {
            required: true,
            content: { "application/json": { schema: jsonSchema(contract.body, "input") } },
          },
        }
      : {}),
    responses: {
      [String(contract.response.status)]: {
        description: contract.response.description,
        content: {
          [contract.response.mediaType ?? "application/json"]: {
            schema: jsonSchema(contract.response.schema, "output"),
          },
        },
      },
      ...Object.fromEntries(statuses.map((s) => [String(s), problemResponse])),
    },
  };
}

export function openApiDocument(
  contracts: readonly RouteContract[],
  { maxBodyBytes }: { maxBodyBytes: number },
) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const c of contracts) (paths[c.path] ??= {})[c.method.toLowerCase()] = operation(c);
  return {
    openapi: "3.1.0",
    info: {
      title: "Samvård API",
      version: "1.5.0",
      description:
        "Case registry for collaborative care of depression and anxiety. Dates are local dates in Europe/Stockholm (YYYY-MM-DD). " +
        "Errors are application/problem+json; checks run in the order 401, 400, 404, 403, 409, 422. " +
        `Request bodies larger than ${maxBodyBytes} bytes are refused with 413 before they are parsed. ` +
        "Bearer tokens expire (the UI shows when); an expired one is 401. " +
        "The patient's self-report (POST /self-reports/{token}) needs no bearer token: the link's token is its credential.",
    },
    servers: [{ url: "/api/v1" }],
    security: [{ bearer: [] }],
    components: {
      securitySchemes: {
        bearer: {
          type: "http",
          scheme: "bearer",
          description: "Created in the UI (API-nycklar) or with `npm run api-token -- <username>`",
        },
      },
      schemas: { Problem: jsonSchema(ZProblem, "output") },
    },
    paths,
  };
}
