import "server-only";
import { env, oidcSettings } from "@/lib/env";
import { log } from "@/lib/log";

let endSessionEndpoint: Promise<string | null> | undefined;

/** The IdP's end_session_endpoint from its discovery document, read once per process. */
function discoverEndSession(issuer: string): Promise<string | null> {
  endSessionEndpoint ??= fetch(`${issuer}/.well-known/openid-configuration`, {
    signal: AbortSignal.timeout(5_000),
  })
    .then(async (res) => ((await res.json()) as { end_session_endpoint?: unknown }).end_session_endpoint)
    .then((url) => (typeof url === "string" && /^https?:\/\//.test(url) ? url : null))
    .catch((error: unknown) => {
      endSessionEndpoint = undefined; // try again at the next logout
      log.warn({ err: error }, "[auth] could not read the IdP's end_session_endpoint");
      return null;
    });
  return endSessionEndpoint;
}

/**
 * Where the browser goes after a Samvård logout of an IdP session: the IdP's
 * own logout (OpenID Connect RP-Initiated Logout), which ends its single
 * sign-on too and sends the browser back to our login page, so that the next
 * person at a shared workstation is asked to prove who they are. Null when
 * there is no IdP or it offers no logout: then our login page.
 */
export async function idpLogoutUrl(): Promise<string | null> {
  const oidc = oidcSettings(env());
  const publicUrl = env().NEXTAUTH_URL;
  if (!oidc || !publicUrl) return null;
  const endpoint = await discoverEndSession(oidc.issuer);
  if (!endpoint) return null;
  const url = new URL(endpoint);
  url.searchParams.set("client_id", oidc.clientId);
  url.searchParams.set("post_logout_redirect_uri", `${publicUrl.replace(/\/+$/, "")}/login`);
  return url.toString();
}
