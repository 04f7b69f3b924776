import "server-only";
import { cache } from "react";
import { getServerSession } from "next-auth";
import { redirect } from "next/navigation";
import { authOptions } from "@/modules/auth/auth-options";
import { resolveSession, type Actor } from "@/modules/auth/lib/session";

export type { Actor };
export { authorize } from "@/lib/authorize";

/** The signed-in actor of this request, with a live server-side session; else null. */
export const currentActor = cache(async (): Promise<Actor | null> => {
  const session = await getServerSession(authOptions);
  return session?.sid ? resolveSession(session.sid) : null;
});

/** For pages: the actor, or a redirect to the login page. */
export async function requireActor(): Promise<Actor> {
  const actor = await currentActor();
  if (!actor) redirect("/login?expired=1");
  return actor;
}
