// Where to go after login: only a path on this site. Absolute URLs are kept
// only when they name our own origin (next-auth sometimes hands those over);
// protocol-relative "//host", backslash tricks and control characters fall back.
export function safeCallbackUrl(raw: string | null | undefined, origin?: string, fallback = "/"): string {
  if (!raw) return fallback;
  let candidate = raw;
  if (/^[a-z][a-z0-9+.-]*:/i.test(raw)) {
    try {
      const u = new URL(raw);
      if (!origin || u.origin !== origin) return fallback;
      candidate = `${u.pathname}${u.search}${u.hash}`;
    } catch {
      return fallback;
    }
  }
  if (!candidate.startsWith("/") || candidate.startsWith("//") || candidate.includes("\\")) return fallback;
  if (/[\u0000-\u001f\u007f]/.test(candidate)) return fallback;
  if (candidate === "/login" || candidate.startsWith("/login?") || candidate.startsWith("/api/"))
    return fallback;
  return candidate;
}

/**
 * A callbackUrl next-auth can work with: a path on this site, or an absolute
 * http(s) URL (next-auth's redirect callback keeps only our own origin).
 * Anything else is malformed and answered 400 instead of reaching next-auth,
 * whose default callback throws on it.
 */
export function isWellFormedCallbackUrl(raw: string): boolean {
  if (/[\u0000-\u001f\u007f]/.test(raw)) return false;
  if (raw.startsWith("/")) return !raw.startsWith("//") && !raw.includes("\\");
  try {
    return ["http:", "https:"].includes(new URL(raw).protocol);
  } catch {
    return false;
  }
}
