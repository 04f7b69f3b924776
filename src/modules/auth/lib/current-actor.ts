import "server-only";
import { cache } from "react";
import { getServerSession } from "next-auth";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { clientRequestId } from "@/lib/request-id";
import type { Actor } from "../actor";
import { authOptions } from "../auth-options";
import { resolveSession } from "./session";

export type { Actor };

/**
 * The signed-in actor of this request, with a live server-side session; else
 * null. The request id is the one the proxy made for this request.
 */
export const currentActor = cache(async (): Promise<Actor | null> => {
  const session = await getServerSession(authOptions);
  if (!session?.sid) return null;
  const h = await headers();
  return resolveSession(session.sid, {
    requestId: h.get(REQUEST_ID_HEADER) ?? crypto.randomUUID(),
    clientRequestId: clientRequestId(h.get(CLIENT_REQUEST_ID_HEADER)),
  });
});

/** Set by the proxy on every page request; a client's own value never gets through. */
export const REQUEST_ID_HEADER = "x-samvard-request-id";
export const CLIENT_REQUEST_ID_HEADER = "x-request-id";

/** For pages: the actor, or a redirect to the login page. */
export async function requireActor(): Promise<Actor> {
  const actor = await currentActor();
  if (!actor) redirect("/login?expired=1");
  return actor;
}
