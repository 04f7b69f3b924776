// The OpenAPI 3.1 document, generated from the same zod schemas that validate
// requests (zod 4's JSON Schema output is draft 2020-12, OpenAPI 3.1's dialect).
import { z } from "zod";
import { ZAsOfQuery } from "@/lib/schemas";
import { ZLogContact } from "@/modules/contacts/schemas";
import {
  ZChangeStatus,
  ZEpisode,
  ZHandleFlagInput,
  ZOpenEpisode,
  ZReviewList,
  ZReviewListQuery,
  ZReviewRequestInput,
} from "@/modules/episodes/schemas";
import { FLAG_CODES } from "@/modules/clinical/rules/flags";
import { ZPatient, ZPatientSearch, ZRegisterPatient } from "@/modules/patients/schemas";

const input = (schema: z.ZodType) =>
  z.toJSONSchema(schema, { io: "input", unrepresentable: "any", target: "draft-2020-12" });
const output = (schema: z.ZodType) =>
  z.toJSONSchema(schema, { io: "output", unrepresentable: "any", target: "draft-2020-12" });
const strip = ({ $schema: _s, ...rest }: Record<string, unknown>) => rest;

const ZProblem = z.object({
  type: z.string(),
  title: z.string(),
  status: z.int(),
  detail: z.string(),
  errors: z.record(z.string(), z.array(z.string())).optional(),
});
const ZUnit = z.object({ id: z.uuid(), name: z.string() });
const ZMe = z.object({
  id: z.uuid(),
  username: z.string(),
  displayName: z.string(),
  role: z.enum(["VARDSAMORDNARE", "ALLMANLAKARE", "PSYKIATER", "VERKSAMHETSCHEF"]),
  units: z.array(ZUnit),
});
const ZContact = z
  .object({ id: z.uuid(), episodeId: z.uuid(), date: z.string(), madrsSTotal: z.int().nullable() })
  .loose();
const ZPatientWithEpisodes = ZPatient.extend({
  episodes: z.array(z.object({ id: z.uuid(), status: z.string(), startDate: z.string() }).loose()),
});

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const jsonContent = (schema: object) => ({ "application/json": { schema } });
const problems = (...codes: number[]) =>
  Object.fromEntries(
    codes.map((c) => [
      String(c),
      {
        description: "Problem details (RFC 9457)",
        content: { "application/problem+json": { schema: ref("Problem") } },
      },
    ]),
  );

function queryParameters(schema: z.ZodObject) {
  const json = input(schema) as { properties?: Record<string, object> };
  return Object.entries(json.properties ?? {}).map(([name, s]) => ({
    name,
    in: "query",
    required: false,
    schema: s,
  }));
}
const idParam = (name = "id") => ({
  name,
  in: "path",
  required: true,
  schema: { type: "string", format: "uuid" },
});
const body = (schema: z.ZodType) => ({ required: true, content: jsonContent(strip(input(schema))) });

export function openApiDocument() {
  return {
    openapi: "3.1.0",
    info: {
      title: "Samvård API",
      version: "1.0.0",
      description:
        "Case registry for collaborative care of depression and anxiety. Dates are local dates in Europe/Stockholm (YYYY-MM-DD). Errors are application/problem+json; checks run in the order 401, 400, 404, 403, 409, 422.",
    },
    servers: [{ url: "/api/v1" }],
    security: [{ bearer: [] }],
    components: {
      securitySchemes: {
        bearer: {
          type: "http",
          scheme: "bearer",
          description: "Created in the UI or with `npm run api-token -- <username>`",
        },
      },
      schemas: {
        Problem: strip(output(ZProblem)),
        Unit: strip(output(ZUnit)),
        Me: strip(output(ZMe)),
        Patient: strip(output(ZPatient)),
        PatientWithEpisodes: strip(output(ZPatientWithEpisodes)),
        Episode: strip(output(ZEpisode)),
        Contact: strip(output(ZContact)),
        ReviewList: strip(output(ZReviewList)),
      },
    },
    paths: {
      "/me": {
        get: {
          summary: "The token's user",
          responses: { 200: { description: "The user", content: jsonContent(ref("Me")) }, ...problems(401) },
        },
      },
      "/units": {
        get: {
          summary: "The caller's units",
          responses: {
            200: { description: "Units", content: jsonContent({ type: "array", items: ref("Unit") }) },
            ...problems(401),
          },
        },
      },
      "/patients": {
        post: {
          summary: "Register a patient",
          requestBody: body(ZRegisterPatient),
          responses: {
            201: { description: "Registered", content: jsonContent(ref("Patient")) },
            ...problems(400, 401, 403, 404, 409),
          },
        },
        get: {
          summary: "Find patients in the caller's units",
          parameters: queryParameters(ZPatientSearch),
          responses: {
            200: { description: "Patients", content: jsonContent({ type: "array", items: ref("Patient") }) },
            ...problems(400, 401),
          },
        },
      },
      "/patients/{id}": {
        get: {
          summary: "A patient with their episodes",
          parameters: [idParam()],
          responses: {
            200: { description: "The patient", content: jsonContent(ref("PatientWithEpisodes")) },
            ...problems(401, 403, 404),
          },
        },
      },
      "/patients/{id}/episodes": {
        post: {
          summary: "Open a 12-week episode",
          parameters: [idParam()],
          requestBody: body(ZOpenEpisode),
          responses: {
            201: { description: "The episode", content: jsonContent(ref("Episode")) },
            ...problems(400, 401, 403, 404, 409, 422),
          },
        },
      },
      "/episodes/{id}": {
        get: {
          summary: "An episode with targets and open flags as of a date",
          parameters: [idParam(), ...queryParameters(ZAsOfQuery)],
          responses: {
            200: { description: "The episode", content: jsonContent(ref("Episode")) },
            ...problems(400, 401, 403, 404),
          },
        },
      },
      "/episodes/{id}/contacts": {
        post: {
          summary: "Log a contact (with MADRS-S when the patient was reached)",
          parameters: [idParam()],
          requestBody: body(ZLogContact),
          responses: {
            201: { description: "The contact", content: jsonContent(ref("Contact")) },
            ...problems(400, 401, 403, 404, 422),
          },
        },
      },
      "/episodes/{id}/status": {
        post: {
          summary: "Change the episode's status",
          parameters: [idParam()],
          requestBody: body(ZChangeStatus),
          responses: {
            200: { description: "The episode", content: jsonContent(ref("Episode")) },
            ...problems(400, 401, 403, 404, 409, 422),
          },
        },
      },
      "/episodes/{id}/review-requests": {
        post: {
          summary: "Ask the psychiatrist for a review (raises MARKED_FOR_REVIEW)",
          parameters: [idParam()],
          requestBody: body(ZReviewRequestInput),
          responses: {
            201: { description: "The request", content: jsonContent({ type: "object" }) },
            ...problems(400, 401, 403, 404, 409, 422),
          },
        },
      },
      "/episodes/{id}/flags/{code}/handle": {
        post: {
          summary: "Handle an open flag (the note of MARKED_FOR_REVIEW is the psychiatrist's answer)",
          parameters: [
            idParam(),
            { name: "code", in: "path", required: true, schema: { type: "string", enum: [...FLAG_CODES] } },
          ],
          requestBody: body(ZHandleFlagInput),
          responses: {
            200: { description: "The handling", content: jsonContent({ type: "object" }) },
            ...problems(400, 401, 403, 404, 409),
          },
        },
      },
      "/review-list": {
        get: {
          summary: "The psychiatrist's review list as of a date",
          parameters: queryParameters(ZReviewListQuery),
          responses: {
            200: { description: "The list", content: jsonContent(ref("ReviewList")) },
            ...problems(400, 401, 403, 404),
          },
        },
      },
    },
  };
}
