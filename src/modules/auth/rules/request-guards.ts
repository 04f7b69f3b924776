// Protocol-level answers the proxy gives before a request reaches a route:
// each of these once made Next.js answer 500. Pure, so they are unit-tested.

/** Methods a browser or an API client has any business sending. */
const ALLOWED_METHODS = new Set(["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]);
export const ALLOW_HEADER = [...ALLOWED_METHODS].join(", ");

export const isAllowedMethod = (method: string): boolean => ALLOWED_METHODS.has(method.toUpperCase());

/** A path whose percent-encoding does not decode (e.g. "/insatser/%zz", "/api/v1/patients/%E0"). */
export function isUndecodablePath(pathname: string): boolean {
  try {
    decodeURIComponent(pathname);
    return false;
  } catch {
    return true;
  }
}

/**
 * A server action posted from another site: its Origin names another host than
 * the one the request was sent to (or the app's public URL). Next.js would
 * refuse it with a 500; the proxy answers 403. No Origin (very old browsers,
 * non-browser clients) is left to Next.js's own check.
 */
export function isForeignOrigin(
  origin: string | null,
  hosts: readonly (string | null | undefined)[],
): boolean {
  if (!origin) return false;
  let host: string;
  try {
    host = new URL(origin).host;
  } catch {
    return true;
  }
  return !hosts.some((h) => h && h.toLowerCase() === host.toLowerCase());
}
