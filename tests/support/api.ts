// Calls the real API route handlers (auth, validation, use cases, database)
// without an HTTP server: a request in, a Response out. Every answer is checked
// against the route's declared contract: a 2xx body must be exactly its output
// schema (a dropped or an undeclared field fails), an error must be problem+json
// with a status the contract declares.
import { expect } from "vitest";
import type { RouteContract } from "@/modules/api/lib/contract";
import { ZProblem } from "@/modules/api/lib/contract";
import { CONTRACTS } from "@/app/api/v1/contracts";
import * as me from "@/app/api/v1/me/route";
import * as units from "@/app/api/v1/units/route";
import * as patients from "@/app/api/v1/patients/route";
import * as patient from "@/app/api/v1/patients/[id]/route";
import * as patientEpisodes from "@/app/api/v1/patients/[id]/episodes/route";
import * as episode from "@/app/api/v1/episodes/[id]/route";
import * as contacts from "@/app/api/v1/episodes/[id]/contacts/route";
import * as status from "@/app/api/v1/episodes/[id]/status/route";
import * as reviewRequests from "@/app/api/v1/episodes/[id]/review-requests/route";
import * as handle from "@/app/api/v1/episodes/[id]/flags/[code]/handle/route";
import * as reviewList from "@/app/api/v1/review-list/route";
import * as answer from "@/app/api/v1/review-requests/[id]/answer/route";
import * as caseReview from "@/app/api/v1/episodes/[id]/case-review/route";
import * as markRead from "@/app/api/v1/episodes/[id]/recommendations/[recommendationId]/read/route";
import * as recommendations from "@/app/api/v1/recommendations/route";
import * as visits from "@/app/api/v1/visits/route";
import * as visit from "@/app/api/v1/visits/[id]/route";
import * as agenda from "@/app/api/v1/visits/[id]/agenda/route";
import * as visitRecommendation from "@/app/api/v1/visits/[id]/items/[itemId]/recommendation/route";
import * as reports from "@/app/api/v1/reports/route";
import * as researchExport from "@/app/api/v1/research-export/route";
import * as selfReportLinks from "@/app/api/v1/episodes/[id]/self-report-links/route";
import * as selfReportLink from "@/app/api/v1/self-report-links/[id]/route";
import * as selfReports from "@/app/api/v1/self-reports/[token]/route";
import * as openapi from "@/app/api/v1/openapi.json/route";
import * as rest from "@/app/api/v1/[...rest]/route";

type Handler = (req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;
type Module = Partial<Record<"GET" | "POST" | "PUT" | "PATCH" | "DELETE", Handler>>;

/** The route module of each documented path. */
export const ROUTE_MODULES: Record<string, Module> = {
  "/me": me,
  "/units": units,
  "/patients": patients,
  "/patients/{id}": patient,
  "/patients/{id}/episodes": patientEpisodes,
  "/episodes/{id}": episode,
  "/episodes/{id}/contacts": contacts,
  "/episodes/{id}/status": status,
  "/episodes/{id}/review-requests": reviewRequests,
  "/episodes/{id}/flags/{code}/handle": handle,
  "/review-list": reviewList,
  "/review-requests/{id}/answer": answer,
  "/episodes/{id}/case-review": caseReview,
  "/episodes/{id}/recommendations/{recommendationId}/read": markRead,
  "/recommendations": recommendations,
  "/visits": visits,
  "/visits/{id}": visit,
  "/visits/{id}/agenda": agenda,
  "/visits/{id}/items/{itemId}/recommendation": visitRecommendation,
  "/reports": reports,
  "/research-export": researchExport,
  "/episodes/{id}/self-report-links": selfReportLinks,
  "/self-report-links/{id}": selfReportLink,
  "/self-reports/{token}": selfReports,
};

const templates = Object.keys(ROUTE_MODULES).map((template) => {
  const names = [...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);
  const re = new RegExp(`^${template.replace(/\{\w+\}/g, "([^/]+)")}$`);
  return { template, names, re };
});

export type ApiResult<T = Record<string, unknown>> = {
  status: number;
  contentType: string | null;
  headers: Headers;
  body: T;
};

type Method = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

function checkAgainstContract(
  contract: RouteContract | undefined,
  status: number,
  contentType: string | null,
  body: unknown,
) {
  if (status >= 400) {
    expect(contentType).toBe("application/problem+json");
    expect(ZProblem.parse(body)).toMatchObject({ status });
    if (contract && status !== 401 && status !== 413 && status !== 500)
      expect(
        contract.errors as readonly number[],
        `${contract.method} ${contract.path} answered an undeclared ${status}`,
      ).toContain(status);
    return;
  }
  if (!contract) return;
  expect(status, `${contract.method} ${contract.path}`).toBe(contract.response.status);
  const parsed = contract.response.schema.safeParse(body);
  expect(parsed.success ? "" : parsed.error.message, `${contract.method} ${contract.path} response`).toBe("");
  // Exactly the schema: what parsing keeps is the whole body.
  expect(parsed.data, `${contract.method} ${contract.path}: fields outside the contract`).toEqual(body);
}

export async function api<T = Record<string, unknown>>(
  method: Method,
  path: string,
  {
    token,
    body,
    raw,
    headers: extra = {},
  }: { token?: string; body?: unknown; raw?: BodyInit; headers?: Record<string, string> } = {},
): Promise<ApiResult<T>> {
  const [pathname] = path.split("?") as [string];
  const url = `http://samvard.test/api/v1${path}`;
  const headers: Record<string, string> = { "content-type": "application/json", ...extra };
  if (token) headers.authorization = `Bearer ${token}`;
  const req = new Request(url, {
    method,
    headers,
    body: raw ?? (body === undefined ? undefined : JSON.stringify(body)),
    ...(raw instanceof ReadableStream ? { duplex: "half" } : {}),
  } as RequestInit);
  let res: Response;
  let contract: RouteContract | undefined;
  if (pathname === "/openapi.json") {
    res = openapi.GET();
  } else {
    const route = templates.find((t) => t.re.test(pathname));
    const match = route ? route.re.exec(pathname)! : [pathname, pathname.slice(1)];
    const names = route?.names ?? ["rest"];
    const params = Object.fromEntries(names.map((n, i) => [n, decodeURIComponent(match[i + 1] ?? "")]));
    const handler = (route ? ROUTE_MODULES[route.template]! : (rest as Module))[method];
    if (!handler) throw new Error(`no ${method} handler for ${path}`);
    contract = route && CONTRACTS.find((c) => c.path === route.template && c.method === method);
    res = await handler(req, { params: Promise.resolve(params) });
  }
  const text = await res.text();
  const result = {
    status: res.status,
    contentType: res.headers.get("content-type"),
    headers: res.headers,
    body: (text && !res.headers.get("content-type")?.startsWith("text/csv")
      ? JSON.parse(text)
      : text || null) as T,
  };
  checkAgainstContract(contract, result.status, result.contentType, result.body);
  return result;
}
