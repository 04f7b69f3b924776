// Calls the real API route handlers (auth, validation, use cases, database)
// without an HTTP server: a request in, a Response out.
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
import * as openapi from "@/app/api/v1/openapi.json/route";
import * as rest from "@/app/api/v1/[...rest]/route";

type Handler = (req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;
type Module = Partial<Record<"GET" | "POST", Handler>>;

const ROUTES: [RegExp, string[], Module][] = [
  [/^\/me$/, [], me],
  [/^\/units$/, [], units],
  [/^\/patients$/, [], patients],
  [/^\/patients\/([^/]+)$/, ["id"], patient],
  [/^\/patients\/([^/]+)\/episodes$/, ["id"], patientEpisodes],
  [/^\/episodes\/([^/]+)$/, ["id"], episode],
  [/^\/episodes\/([^/]+)\/contacts$/, ["id"], contacts],
  [/^\/episodes\/([^/]+)\/status$/, ["id"], status],
  [/^\/episodes\/([^/]+)\/review-requests$/, ["id"], reviewRequests],
  [/^\/episodes\/([^/]+)\/flags\/([^/]+)\/handle$/, ["id", "code"], handle],
  [/^\/review-list$/, [], reviewList],
];

export type ApiResult<T = Record<string, unknown>> = { status: number; contentType: string | null; body: T };

export async function api<T = Record<string, unknown>>(
  method: "GET" | "POST",
  path: string,
  { token, body, raw }: { token?: string; body?: unknown; raw?: string } = {},
): Promise<ApiResult<T>> {
  const [pathname] = path.split("?") as [string];
  const url = `http://samvard.test/api/v1${path}`;
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (token) headers.authorization = `Bearer ${token}`;
  const req = new Request(url, {
    method,
    headers,
    body: raw ?? (body === undefined ? undefined : JSON.stringify(body)),
  });
  let res: Response;
  if (pathname === "/openapi.json") {
    res = openapi.GET();
  } else {
    const route = ROUTES.find(([re]) => re.test(pathname));
    const names = route?.[1] ?? ["rest"];
    const match = route ? route[0].exec(pathname)! : [pathname, pathname.slice(1)];
    const params = Object.fromEntries(names.map((n, i) => [n, decodeURIComponent(match[i + 1] ?? "")]));
    const handler = (route?.[2] ?? (rest as Module))[method];
    if (!handler) throw new Error(`no ${method} handler for ${path}`);
    res = await handler(req, { params: Promise.resolve(params) });
  }
  const text = await res.text();
  return {
    status: res.status,
    contentType: res.headers.get("content-type"),
    body: (text ? JSON.parse(text) : null) as T,
  };
}
