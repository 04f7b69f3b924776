// The HTTP hardening on the wire: every page each role reaches (a crawl of
// the links from the start page), every API response and the login's cookies
// carry the headers docs/threat-model.md promises. HSTS and Secure cookies
// over TLS are checked through the load balancer (tests/ops/load-balancer.spec.ts); here
// the demo runs on plain http, where neither may be sent.
import { expect, test, type APIResponse, type Page } from "@playwright/test";
import { createApiToken, loginViaApi } from "./support";

const ROLES = ["samordnare1", "lakare1", "psykiater", "chef1"] as const;
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;
const MAX_PAGES = 40;

function directives(csp: string | undefined) {
  return Object.fromEntries(
    (csp ?? "").split(";").map((d) => {
      const [name = "", ...values] = d.trim().split(/\s+/);
      return [name, values];
    }),
  );
}

/** The headers every answer has, page or API. */
function expectCommonHeaders(res: APIResponse, what: string) {
  const h = res.headers();
  expect(h["x-content-type-options"], what).toBe("nosniff");
  expect(h["x-frame-options"], what).toBe("DENY");
  expect(h["referrer-policy"], what).toMatch(/^(same-origin|no-referrer)$/);
  expect(h["strict-transport-security"], `${what}: no HSTS over plain http`).toBeUndefined();
  expect(directives(h["content-security-policy"])["frame-ancestors"], what).toEqual(["'none'"]);
}

/** A page: a nonce policy without 'unsafe-inline', and every script in it carries that nonce. */
function expectPageHeaders(res: APIResponse, html: string, what: string) {
  expectCommonHeaders(res, what);
  const csp = directives(res.headers()["content-security-policy"]);
  const nonce = csp["script-src"]?.find((v) => v.startsWith("'nonce-"))?.slice(7, -1);
  expect(nonce, `${what}: a nonce in script-src`).toBeTruthy();
  expect(csp["script-src"], what).not.toContain("'unsafe-inline'");
  expect(csp["style-src"], what).not.toContain("'unsafe-inline'");
  const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
  expect(scripts.length, `${what}: has scripts`).toBeGreaterThan(0);
  for (const s of scripts) expect(s, `${what}: every script has the nonce`).toContain(`nonce="${nonce}"`);
  expect(html, `${what}: no inline style attribute`).not.toMatch(/<[a-z][^>]*\sstyle="/i);
}

/** Same-site links of a page, one per path shape (a patient page stands for all of them). */
function links(html: string, seen: Set<string>): string[] {
  const out: string[] = [];
  for (const m of html.matchAll(/href="(\/[^"#]*)"/g)) {
    const href = m[1]!.replaceAll("&amp;", "&");
    if (href.startsWith("/_next/") || href.startsWith("/api/auth")) continue;
    const shape = href.split("?")[0]!.replace(UUID, ":id");
    if (seen.has(shape)) continue;
    seen.add(shape);
    out.push(href);
  }
  return out;
}

async function crawl(page: Page) {
  const seen = new Set<string>(["/"]);
  const queue = ["/"];
  const visited: string[] = [];
  const pages: string[] = [];
  while (queue.length && visited.length < MAX_PAGES) {
    const url = queue.shift()!;
    const res = await page.request.get(url, { maxRedirects: 0 });
    visited.push(url);
    if (res.status() >= 300 && res.status() < 400) continue;
    const type = res.headers()["content-type"] ?? "";
    if (!type.includes("text/html")) {
      expectCommonHeaders(res, url); // a download (CSV, XLSX, PDF)
      continue;
    }
    const html = await res.text();
    expectPageHeaders(res, html, url);
    pages.push(url);
    queue.push(...links(html, seen));
  }
  return pages;
}

for (const role of ROLES) {
  test(`every page ${role} reaches carries the CSP with this request's nonce, and runs under it`, async ({
    page,
  }) => {
    test.setTimeout(120_000);
    const violations: string[] = [];
    page.on("console", (m) => {
      if (/Content Security Policy|Refused to/.test(m.text())) violations.push(m.text());
    });
    await loginViaApi(page, role);
    const pages = await crawl(page);
    expect(pages.length).toBeGreaterThan(3);
    // The 404 pages, of an unknown path and of a record not found, are rendered with the nonce too.
    for (const url of ["/finns-inte", `/insatser/${crypto.randomUUID()}`]) {
      const res = await page.request.get(url);
      expect(res.status(), url).toBe(404);
      expectPageHeaders(res, await res.text(), url);
    }
    // In the browser: the pages run (client navigation, forms) with nothing refused.
    for (const url of pages.slice(0, 8)) await page.goto(url);
    await page.goto("/");
    await page.getByRole("navigation").getByRole("link").first().click();
    await page.waitForLoadState("networkidle");
    expect(violations).toEqual([]);
  });
}

test("the login page, the 404 page and the self-report page carry their policies", async ({ request }) => {
  for (const url of ["/login", "/finns-inte-alls"]) {
    const res = await request.get(url);
    expectPageHeaders(res, await res.text(), url);
  }
  // A path that does not even decode gets a page without script or style, and a policy to match.
  const garbled = await request.get("/insatser/%zz");
  expect(garbled.status()).toBe(404);
  expectCommonHeaders(garbled, "/insatser/%zz");
  expect(directives(garbled.headers()["content-security-policy"])["default-src"]).toEqual(["'none'"]);
  const svar = await request.get("/svar/ingen-sadan-lank");
  expectCommonHeaders(svar, "/svar");
  // The patient's page runs no script at all: its own policy allows none.
  expect(directives(svar.headers()["content-security-policy"])["default-src"]).toEqual(["'none'"]);
  // Its token is in the URL: no referrer at all.
  expect(svar.headers()["referrer-policy"]).toBe("no-referrer");
});

test("every API answer, success or problem, carries a policy that allows nothing", async ({ request }) => {
  const token = createApiToken("psykiater");
  const auth = { Authorization: `Bearer ${token}` };
  const answers: [string, APIResponse][] = [
    ["/api/health", await request.get("/api/health")],
    ["/api/auth/session", await request.get("/api/auth/session")],
    ["/api/v1/me", await request.get("/api/v1/me", { headers: auth })],
    ["/api/v1/units", await request.get("/api/v1/units", { headers: auth })],
    ["/api/v1/review-list", await request.get("/api/v1/review-list", { headers: auth })],
    ["/api/v1/openapi.json", await request.get("/api/v1/openapi.json")],
    ["401", await request.get("/api/v1/me")],
    ["404", await request.get(`/api/v1/patients/${crypto.randomUUID()}`, { headers: auth })],
    ["400", await request.post("/api/v1/patients", { headers: auth, data: "{" })],
    ["405", await request.fetch("/api/v1/me", { method: "TRACE" })],
  ];
  for (const [what, res] of answers) {
    expectCommonHeaders(res, what);
    expect(directives(res.headers()["content-security-policy"])["default-src"], what).toEqual(["'none'"]);
  }
});

test("the session cookie ends with the browser and is HttpOnly and SameSite=Lax", async ({
  page,
  context,
}) => {
  await loginViaApi(page, "samordnare1");
  const cookie = (await context.cookies()).find((c) => /next-auth\.session-token/.test(c.name));
  expect(cookie).toMatchObject({ httpOnly: true, sameSite: "Lax", expires: -1 });
  // A later use (the client's session check) sets it again: still no expiry.
  await page.request.get("/api/auth/session");
  const again = (await context.cookies()).find((c) => /next-auth\.session-token/.test(c.name));
  expect(again?.expires).toBe(-1);
});
