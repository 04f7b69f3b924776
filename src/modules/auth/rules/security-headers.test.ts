import { describe, expect, it } from "vitest";
import {
  API_CSP,
  SECURITY_HEADERS,
  baseHeaders,
  hstsFor,
  newNonce,
  pageCsp,
  sessionCookieEndingWithBrowser,
} from "./security-headers";

const directives = (csp: string) =>
  Object.fromEntries(csp.split("; ").map((d) => [d.split(" ")[0], d.split(" ").slice(1)]));

describe("pageCsp", () => {
  it("allows scripts and styles only with the nonce, and nothing inline or framed", () => {
    const d = directives(pageCsp("abc123=="));
    expect(d["script-src"]).toEqual(["'self'", "'nonce-abc123=='", "'strict-dynamic'"]);
    expect(d["style-src"]).toEqual(["'self'", "'nonce-abc123=='"]);
    expect(pageCsp("x")).not.toMatch(/unsafe-inline|unsafe-eval/);
    expect(d["frame-ancestors"]).toEqual(["'none'"]);
    expect(d["object-src"]).toEqual(["'none'"]);
    expect(d["base-uri"]).toEqual(["'none'"]);
    expect(d["form-action"]).toEqual(["'self'"]);
  });
  it("adds 'unsafe-eval' for next dev only", () => {
    expect(directives(pageCsp("n", { dev: true }))["script-src"]).toContain("'unsafe-eval'");
  });
});

describe("newNonce", () => {
  it("is 128 bits of base64, new each time", () => {
    const nonces = new Set(Array.from({ length: 200 }, newNonce));
    expect(nonces.size).toBe(200);
    for (const n of nonces) expect(atob(n)).toHaveLength(16);
  });
});

describe("API_CSP and HSTS", () => {
  it("the API's policy allows nothing and no framing", () => {
    expect(directives(API_CSP)).toMatchObject({ "default-src": ["'none'"], "frame-ancestors": ["'none'"] });
  });
  it("every answer's base headers: no sniffing, no framing, the closed policy, HSTS only over TLS", () => {
    expect(baseHeaders("http://localhost:3000")).toEqual({
      ...SECURITY_HEADERS,
      "Content-Security-Policy": API_CSP,
    });
    expect(baseHeaders("https://samvard.region.se")["Strict-Transport-Security"]).toMatch(
      /^max-age=63072000/,
    );
  });
  it("HSTS only for an https public URL", () => {
    expect(hstsFor("https://samvard.vgregion.se")).toBe("max-age=63072000; includeSubDomains");
    expect(hstsFor("http://localhost:3000")).toBeNull();
    expect(hstsFor(undefined)).toBeNull();
  });
});

describe("sessionCookieEndingWithBrowser", () => {
  const future = new Date(Date.now() + 12 * 3600_000).toUTCString();
  it.each([
    [
      `next-auth.session-token=eyJ.a.b; Path=/; Expires=${future}; HttpOnly; SameSite=Lax`,
      "next-auth.session-token=eyJ.a.b; Path=/; HttpOnly; SameSite=Lax",
    ],
    [
      `__Secure-next-auth.session-token.0=eyJ; Path=/; Max-Age=43200; Expires=${future}; HttpOnly; Secure; SameSite=Lax`,
      "__Secure-next-auth.session-token.0=eyJ; Path=/; HttpOnly; Secure; SameSite=Lax",
    ],
  ])("drops the expiry of a session cookie being set", (input, expected) =>
    expect(sessionCookieEndingWithBrowser(input)).toBe(expected),
  );

  it.each([
    "next-auth.session-token=; Path=/; Expires=Thu, 01 Jan 1970 00:00:00 GMT; HttpOnly",
    "next-auth.session-token=x; Path=/; Max-Age=0; HttpOnly",
    "next-auth.session-token=x; Path=/; Expires=Thu, 01 Jan 1970 00:00:00 GMT",
    `next-auth.csrf-token=abc; Path=/; Expires=${future}; HttpOnly`,
    `next-auth.pkce.code_verifier=abc; Path=/; Max-Age=900; HttpOnly`,
    `next-auth.session-tokenX=abc; Path=/; Max-Age=900`,
  ])("leaves a deletion and every other cookie as it is: %s", (input) =>
    expect(sessionCookieEndingWithBrowser(input)).toBe(input),
  );
});
