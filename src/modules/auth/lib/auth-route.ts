import "server-only";
import NextAuth from "next-auth";
import { authOptions } from "../auth-options";
import { isWellFormedCallbackUrl } from "../rules/callback-url";
import { sessionCookieEndingWithBrowser } from "../rules/security-headers";

type Context = { params: Promise<{ nextauth: string[] }> };

/** The callbackUrl a next-auth request carries in its query or its form body. */
async function callbackUrls(req: Request): Promise<string[]> {
  const found = new URL(req.url).searchParams.getAll("callbackUrl");
  const type = req.headers.get("content-type") ?? "";
  if (req.method === "POST" && type.includes("application/x-www-form-urlencoded")) {
    const form = new URLSearchParams(await req.clone().text());
    found.push(...form.getAll("callbackUrl"));
  }
  return found;
}

const nextAuth = NextAuth(authOptions) as (req: Request, ctx: Context) => Promise<Response>;

/**
 * next-auth's route, behind one check and one change: a malformed callbackUrl
 * is 400 here instead of an exception (500) inside next-auth, and the session
 * cookie it sets ends with the browser (next-auth 4 always dates it).
 */
export async function authRoute(req: Request, ctx: Context): Promise<Response> {
  if ((await callbackUrls(req)).some((u) => !isWellFormedCallbackUrl(u))) {
    return Response.json(
      { error: "Ogiltig callbackUrl." },
      { status: 400, headers: { "Cache-Control": "no-store" } },
    );
  }
  return withBrowserSessionCookie(await nextAuth(req, ctx));
}

/** The same response with its session cookie made to end with the browser. */
function withBrowserSessionCookie(res: Response): Response {
  const cookies = res.headers.getSetCookie();
  if (cookies.length === 0) return res;
  const headers = new Headers(res.headers);
  headers.delete("set-cookie");
  for (const c of cookies) headers.append("set-cookie", sessionCookieEndingWithBrowser(c));
  return new Response(res.body, { status: res.status, statusText: res.statusText, headers });
}
