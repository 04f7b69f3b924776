// A route's contract, declared beside its handler (documenso's *.types.ts):
// method, path, inputs and the output schema. The handler wrapper validates
// inputs with it, the OpenAPI document is built from the list of contracts,
// and the integration tests validate every response body against it.
import { z } from "zod";
import { LINK_TOKEN } from "@/modules/self-report/rules/link-state";

export type Method = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

export type RouteContract = {
  method: Method;
  /** The OpenAPI path under /api/v1, e.g. "/episodes/{id}/contacts". */
  path: string;
  summary: string;
  description?: string;
  params?: z.ZodObject;
  query?: z.ZodObject;
  body?: z.ZodType;
  response: {
    status: 200 | 201;
    description: string;
    schema: z.ZodType;
    /** JSON unless said: a route answering a file (CSV) names its type, and its handler returns the text. */
    mediaType?: "text/csv";
  };
  /** The problem statuses it can answer, besides 401 (every authenticated route) and 413 (every body). */
  errors: readonly (400 | 403 | 404 | 409 | 410 | 422 | 429)[];
  /** No bearer token needed. */
  public?: boolean;
};

export const defineContract = <const C extends RouteContract>(contract: C): C => contract;

/** Path ids that cannot exist answer 404, like another unit's record. */
const NOT_FOUND_IF_INVALID = new WeakSet<z.ZodType>();

/** A UUID path segment, lower-cased; anything else is "not found". */
export const ZPathId = (() => {
  const schema = z
    .uuid()
    .transform((id) => id.toLowerCase())
    .meta({ description: "A UUID", format: "uuid" });
  NOT_FOUND_IF_INVALID.add(schema);
  return schema;
})();

/** A self-report link's token in the path (43 URL-safe characters); anything else is "not found". */
export const ZPathToken = (() => {
  const schema = z
    .string()
    .regex(LINK_TOKEN)
    .meta({ description: "The link's token: the last segment of its URL" });
  NOT_FOUND_IF_INVALID.add(schema);
  return schema;
})();

export const isNotFoundParam = (schema: z.ZodType | undefined): boolean =>
  schema !== undefined && NOT_FOUND_IF_INVALID.has(schema);

export const ZProblem = z.object({
  type: z.string(),
  title: z.string(),
  status: z.int(),
  detail: z.string(),
  errors: z.record(z.string(), z.array(z.string())).optional(),
});
