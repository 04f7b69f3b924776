import { withAuth } from "next-auth/middleware";
import { NextResponse, type NextFetchEvent, type NextRequest } from "next/server";
import {
  ALLOW_HEADER,
  isAllowedMethod,
  isForeignOrigin,
  isUndecodablePath,
} from "@/modules/auth/rules/request-guards";

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

const auth = withAuth((req) => NextResponse.next({ request: { headers: withRequestId(req) } }), {
  pages: { signIn: "/login" },
});

export function proxy(req: NextRequest, ev: NextFetchEvent) {
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
      : NextResponse.rewrite(new URL("/_sidan-finns-inte", req.url), { status: 404 });
  }
  if (req.method === "POST" && req.headers.has("next-action")) {
    const publicHost = process.env.NEXTAUTH_URL ? new URL(process.env.NEXTAUTH_URL).host : null;
    const hosts = [req.headers.get("x-forwarded-host"), req.headers.get("host"), publicHost];
    if (isForeignOrigin(req.headers.get("origin"), hosts))
      return plain(403, "Otillåten begäran från en annan webbplats.");
  }
  // The patient's self-report page has no login: its token is its credential.
  if (isApi || pathname === "/login" || pathname.startsWith("/svar/"))
    return NextResponse.next({ request: { headers: withRequestId(req) } });
  return auth(req as Parameters<typeof auth>[0], ev);
}

export const config = {
  matcher: ["/((?!_next/static|_next/image|favicon\\.ico|icon\\.svg|robots\\.txt).*)"],
};
