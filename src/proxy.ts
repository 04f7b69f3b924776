import { withAuth } from "next-auth/middleware";
import { NextResponse, type NextFetchEvent, type NextRequest } from "next/server";
import { trustedRequestId } from "@/lib/request-id";

// Anonymous page requests go to /login with a relative callback URL. API
// routes are outside the matcher: /api/health is public, /api/auth/* is
// next-auth's own, and /api/v1/* answers 401 problem+json by itself.
const auth = withAuth(
  (req) => {
    const headers = new Headers(req.headers);
    headers.set("x-request-id", trustedRequestId(headers.get("x-request-id")));
    return NextResponse.next({ request: { headers } });
  },
  { pages: { signIn: "/login" } },
);

export function proxy(req: NextRequest, ev: NextFetchEvent) {
  return auth(req as Parameters<typeof auth>[0], ev);
}

export const config = {
  matcher: ["/((?!api/|login|_next/static|_next/image|favicon\\.ico|icon\\.svg|robots\\.txt).*)"],
};
