"use server";

import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import { clientRequestId, newRequestId } from "@/lib/request-id";
import { ZCreateUser } from "@/modules/admin/lib/create-user";
import { defineAction } from "@/modules/forms/lib/define-action";
import { changeOwnPassword } from "./lib/change-password";
import { CLIENT_REQUEST_ID_HEADER, REQUEST_ID_HEADER, sessionActor } from "./lib/current-actor";
import { idpLogoutUrl } from "./lib/idp-logout";
import { endSession } from "./lib/session";
import { SESSION_COOKIE } from "./rules/security-headers";

const ZNewPassword = z
  .object({
    current: z.string().min(1, { error: "Ange ditt nuvarande lösenord." }).max(200),
    // The same rule as every password Samvård sets.
    next: ZCreateUser.shape.password,
    repeat: z.string(),
  })
  .refine((p) => p.next === p.repeat, { path: ["repeat"], error: "Lösenorden är inte lika." });

export const changePasswordAction = defineAction({
  schema: ZNewPassword,
  forPasswordChange: true,
  run: ({ actor, input }) => changeOwnPassword({ actor, current: input.current, next: input.next }),
  redirectTo: () => "/",
});

/**
 * Logout: the server-side session ends (logged as LOGOUT, as next-auth's
 * signOut event does), its cookie is cleared, and the browser goes to the
 * login page. A server action is a POST whose Origin Next.js checks, so it
 * needs no CSRF token; a cookie of an ended session opens nothing anyway
 * (the jwt callback refuses it).
 */
export async function logoutAction(): Promise<never> {
  // The cookie's session, even if its user can no longer work (ending it is what matters).
  const actor = await sessionActor().catch(() => null);
  const h = await headers();
  const sessionId = actor?.credential.kind === "session" ? actor.credential.sessionId : null;
  if (sessionId)
    await endSession({
      sessionId,
      reason: "logout",
      requestId: h.get(REQUEST_ID_HEADER) ?? newRequestId(),
      clientRequestId: clientRequestId(h.get(CLIENT_REQUEST_ID_HEADER)),
    });
  const jar = await cookies();
  for (const { name } of jar.getAll())
    if (SESSION_COOKIE.test(name))
      jar.set(name, "", {
        path: "/",
        maxAge: 0,
        httpOnly: true,
        sameSite: "lax",
        secure: name.startsWith("__Secure-"),
      });
  // An IdP login also ends at the IdP, which then sends the browser to our login page.
  const atIdp = actor?.login?.method === "oidc" ? await idpLogoutUrl() : null;
  redirect(atIdp ?? "/login");
}
