// The HTTP security headers the proxy sets on every response it passes: a
// Content-Security-Policy with a fresh nonce per page request, a closed one
// for the API, and HSTS when the app is served over TLS. Pure, so unit-tested;
// the e2e header scan checks them on the wire (tests/e2e/headers.spec.ts).

/** On every answer: no type sniffing, no framing, no referrer to other sites, no device access. */
export const SECURITY_HEADERS: Record<string, string> = {
  "X-Content-Type-Options": "nosniff",
  "X-Frame-Options": "DENY",
  "Referrer-Policy": "same-origin",
  "Permissions-Policy": "camera=(), microphone=(), geolocation=()",
};

/**
 * The patient's self-report page carries its token in the URL: no referrer
 * at all, and a policy that allows nothing but its own inline styles and a
 * form posted to itself (it runs no script).
 */
export const SELF_REPORT_HEADERS: Record<string, string> = {
  "Referrer-Policy": "no-referrer",
  "Content-Security-Policy":
    "default-src 'none'; style-src 'unsafe-inline'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
};

/**
 * The headers every answer carries (SECURITY_HEADERS, a policy that allows
 * nothing unless the answer has its own, and HSTS over TLS): the proxy sets
 * them where absent, the HTTP server's own answers (405, 500) carry them all.
 */
export function baseHeaders(publicUrl: string | undefined): Record<string, string> {
  const hsts = hstsFor(publicUrl);
  return {
    ...SECURITY_HEADERS,
    "Content-Security-Policy": API_CSP,
    ...(hsts ? { "Strict-Transport-Security": hsts } : {}),
  };
}

/** A nonce of 128 random bits, base64, for one page request. */
export function newNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}

/**
 * The pages' policy. Scripts only with this request's nonce (Next.js puts it
 * on its own scripts when it finds the policy in the request) and what they
 * load ('strict-dynamic'); no inline script or style attribute; nothing
 * framed, no other site's forms, fonts, images or connections. `next dev`
 * also needs 'unsafe-eval' (its hot reload), never in production.
 */
export function pageCsp(nonce: string, { dev = false }: { dev?: boolean } = {}): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    `style-src 'self' 'nonce-${nonce}'`,
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/** The API answers JSON, CSV, XLSX and PDF: nothing in it may run, load or be framed. */
export const API_CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

/**
 * HSTS for a public URL over TLS: two years, subdomains included (a hospital's
 * staff host has no http-only neighbours to protect). Over plain http a
 * browser ignores it, so none is sent.
 */
export function hstsFor(publicUrl: string | undefined): string | null {
  return publicUrl?.startsWith("https://") ? "max-age=63072000; includeSubDomains" : null;
}

/** next-auth's session cookie, secure-prefixed over https, in chunks when large. */
export const SESSION_COOKIE = /^(__Secure-)?next-auth\.session-token(\.\d+)?$/;

/**
 * next-auth 4 always gives its session cookie an expiry (the JWT's maxAge),
 * so it would outlive the browser on a shared workstation. This makes the
 * session cookie (and each chunk of it) a browser-session cookie: no Expires,
 * no Max-Age. A deletion (an empty value, Max-Age=0 or an expiry in the past)
 * is left as it is, or the cookie would never be removed. Other cookies
 * (CSRF, callback URL, the OIDC flow's state) are not touched.
 */
export function sessionCookieEndingWithBrowser(setCookie: string): string {
  const [pair = "", ...attributes] = setCookie.split(";").map((p) => p.trim());
  const eq = pair.indexOf("=");
  const name = eq === -1 ? pair : pair.slice(0, eq);
  const value = eq === -1 ? "" : pair.slice(eq + 1);
  if (!SESSION_COOKIE.test(name) || value === "") return setCookie;
  const attr = (key: string) => attributes.find((a) => a.toLowerCase().startsWith(`${key}=`));
  const maxAge = attr("max-age");
  const expires = attr("expires");
  if (maxAge && Number(maxAge.split("=")[1]) <= 0) return setCookie;
  if (expires && new Date(expires.slice(expires.indexOf("=") + 1)).getTime() <= Date.now()) return setCookie;
  const kept = attributes.filter((a) => !/^(expires|max-age)=/i.test(a));
  return [pair, ...kept].join("; ");
}
