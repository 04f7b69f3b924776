import { withAuth } from "next-auth/middleware";
import { NextResponse, type NextFetchEvent, type NextRequest } from "next/server";
import {
  ALLOW_HEADER,
  isAllowedMethod,
  isForeignOrigin,
  isUndecodablePath,
} from "@/modules/auth/rules/request-guards";
import { SELF_REPORT_HEADERS, baseHeaders, newNonce, pageCsp } from "@/modules/auth/rules/security-headers";

// Every request gets a request id made here; a client's own x-request-id is
// passed on as it came and stored apart (never as the server's id). Requests
// Next.js would answer with a 500 are answered here: an unknown method (405),
// an undecodable path (400 for the API, 404 for pages), a server action from
// another site (403). Anonymous page requests go to /login; /api/health,
// /api/auth/* and the bearer-token API /api/v1/* answer for themselves, and so
// does the patient's self-report page /svar/<token>.

const REQUEST_ID = "x-samvard-request-id";

const plain = (status: number, text: string, headers: Record<string, string> = {}) =>
  new NextResponse(text, {
    status,
    headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store", ...headers },
  });

const problem = (status: number, title: string, detail: string, headers: Record<string, string> = {}) =>
  new NextResponse(JSON.stringify({ type: `urn:samvard:problem:${status}`, title, status, detail }), {
    status,
    headers: { "Content-Type": "application/problem+json", "Cache-Control": "no-store", ...headers },
  });

const withRequestId = (req: NextRequest) => {
  const headers = new Headers(req.headers);
  headers.set(REQUEST_ID, crypto.randomUUID());
  return headers;
};

const dev = process.env.NODE_ENV === "development";
const base = baseHeaders(process.env.NEXTAUTH_URL);

/**
 * A page request goes on with a fresh nonce: Next.js reads the policy from the
 * request and puts the nonce on its scripts; the browser gets the same policy.
 */
function nextPage(req: NextRequest) {
  const nonce = newNonce();
  const csp = pageCsp(nonce, { dev });
  const headers = withRequestId(req);
  headers.set("x-nonce", nonce);
  headers.set("content-security-policy", csp);
  const res = NextResponse.next({ request: { headers } });
  res.headers.set("Content-Security-Policy", csp);
  return res;
}

/**
 * A page path that is not valid percent-encoding: no route can match it, and
 * Next.js would answer 500. A short page of our own, without script or style
 * (a rewrite to the not-found page sent anonymous users to the login instead);
 * secured() gives it the policy that allows nothing.
 */
const undecodablePage = () =>
  new NextResponse(
    '<!doctype html><html lang="sv"><meta charset="utf-8"><title>Sidan finns inte – Samvård</title>' +
      "<main><h1>Sidan finns inte</h1><p>Adressen är felaktig.</p>" +
      '<p><a href="/">Till startsidan</a></p></main></html>',
    {
      status: 404,
      headers: {
        "Content-Type": "text/html; charset=utf-8",
        "Cache-Control": "no-store",
      },
    },
  );

/**
 * The headers of every answer, whether the proxy gives it (405, 403, a
 * redirect) or passes the request on; HSTS when served over TLS. What the
 * proxy does not see (/_next/static, the icons) gets them from next.config.ts.
 */
function secured(res: Response): Response {
  for (const [name, value] of Object.entries(base)) if (!res.headers.has(name)) res.headers.set(name, value);
  return res;
}

const auth = withAuth((req) => nextPage(req), { pages: { signIn: "/login" } });

export async function proxy(req: NextRequest, ev: NextFetchEvent) {
  return secured(await answer(req, ev));
}

async function answer(req: NextRequest, ev: NextFetchEvent): Promise<Response> {
  const { pathname } = req.nextUrl;
  const isApi = pathname.startsWith("/api/");
  if (!isAllowedMethod(req.method)) {
    return isApi
      ? problem(405, "Method not allowed", `${req.method} is not supported.`, { Allow: ALLOW_HEADER })
      : plain(405, "Metoden stöds inte.", { Allow: ALLOW_HEADER });
  }
  if (isUndecodablePath(pathname)) {
    return isApi
      ? problem(400, "Invalid input", "The path is not valid percent-encoding.")
      : undecodablePage();
  }
  if (req.method === "POST" && req.headers.has("next-action")) {
    const publicHost = process.env.NEXTAUTH_URL ? new URL(process.env.NEXTAUTH_URL).host : null;
    const hosts = [req.headers.get("x-forwarded-host"), req.headers.get("host"), publicHost];
    if (isForeignOrigin(req.headers.get("origin"), hosts))
      return plain(403, "Otillåten begäran från en annan webbplats.");
  }
  // The API's answers get the policy that allows nothing from secured().
  if (isApi) return NextResponse.next({ request: { headers: withRequestId(req) } });
  // The patient's self-report page has no login: its token is its credential.
  // It is a plain HTML form without script, with a stricter policy of its own.
  if (pathname.startsWith("/svar/")) {
    const res = NextResponse.next({ request: { headers: withRequestId(req) } });
    for (const [name, value] of Object.entries(SELF_REPORT_HEADERS)) res.headers.set(name, value);
    return res;
  }
  if (pathname === "/login") return nextPage(req);
  return (await auth(req as Parameters<typeof auth>[0], ev)) ?? nextPage(req);
}

export const config = {
  matcher: ["/((?!_next/static|_next/image|favicon\\.ico|icon\\.svg|robots\\.txt).*)"],
};
