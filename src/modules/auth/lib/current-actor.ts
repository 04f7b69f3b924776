import "server-only";
import { cache } from "react";
import { getToken } from "next-auth/jwt";
import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { clientRequestId } from "@/lib/request-id";
import type { Actor } from "../actor";
import { authOptions } from "../auth-options";
import { resolveSession } from "./session";

export type { Actor };

/**
 * The signed-in actor of this request, with a live server-side session; else
 * null. The request id is the one the proxy made for this request. Includes a
 * user still on a one-time password: only "Nytt lösenord" should use this.
 */
export const sessionActor = cache(async (): Promise<Actor | null> => {
  // The cookie's JWT is only decoded here; resolveSession checks the session
  // record itself. (getServerSession would run the jwt callback, which turns a
  // database that is briefly down into "no session" and a login page; this
  // way the error reaches the error page, and nobody is sent to log in again.)
  // Only the cookie: with headers, getToken would also take a JWT from an Authorization header.
  const token = await getToken({
    req: { headers: {}, cookies: await cookies() } as unknown as Parameters<typeof getToken>[0]["req"],
    secret: authOptions.secret,
    secureCookie: authOptions.useSecureCookies,
  });
  if (!token?.sid) return null;
  const h = await headers();
  return resolveSession(token.sid, {
    requestId: h.get(REQUEST_ID_HEADER) ?? crypto.randomUUID(),
    clientRequestId: clientRequestId(h.get(CLIENT_REQUEST_ID_HEADER)),
  });
});

/**
 * The signed-in actor who may use the app: null also for a user still on a
 * one-time password (routes answer 401 until the password is their own).
 */
export async function currentActor(): Promise<Actor | null> {
  const actor = await sessionActor();
  return actor && !actor.passwordChangeRequired ? actor : null;
}

/** Set by the proxy on every page request; a client's own value never gets through. */
export const REQUEST_ID_HEADER = "x-samvard-request-id";
export const CLIENT_REQUEST_ID_HEADER = "x-request-id";

/**
 * For pages: the actor, or a redirect to the login page. A user still on a
 * one-time password goes to "Nytt lösenord" instead: every page calls this
 * before it reads anything, so none is open until the password is their own.
 */
export async function requireActor(): Promise<Actor> {
  const actor = await sessionActor();
  if (!actor) redirect("/login?expired=1");
  if (actor.passwordChangeRequired) redirect(NEW_PASSWORD_PATH);
  return actor;
}

export const NEW_PASSWORD_PATH = "/nytt-losenord";
