import http from "node:http";
import { expect, test } from "@playwright/test";
import { baseURL } from "../../playwright.config";

// Requests the real server once answered with 500, sent as an attacker would.
const raw = (method: string, path: string, headers: Record<string, string> = {}) =>
  new Promise<{ status: number; type?: string }>((resolve, reject) => {
    const url = new URL(baseURL);
    const req = http.request({ host: url.hostname, port: url.port, method, path, headers }, (res) => {
      res.resume();
      resolve({ status: res.statusCode!, type: res.headers["content-type"] });
    });
    req.on("error", reject);
    req.end();
  });

test("TRACE is 405, on pages and on the API", async () => {
  expect((await raw("TRACE", "/login")).status).toBe(405);
  expect((await raw("TRACE", "/api/v1/me")).status).toBe(405);
});

test("an undecodable path is 400 problem+json in the API and a 404 page elsewhere", async () => {
  const api = await raw("GET", "/api/v1/patients/%E0");
  expect(api.status).toBe(400);
  expect(api.type).toContain("application/problem+json");
  const page = await raw("GET", "/insatser/%zz");
  expect(page.status).toBe(404);
  expect(page.type).toContain("text/html");
});

test("a malformed callbackUrl on the next-auth endpoints is 400", async () => {
  expect((await raw("GET", "/api/auth/signin?callbackUrl=http://%5B")).status).toBe(400);
});

test("a server action posted from another site is 403", async () => {
  const res = await raw("POST", "/api-nycklar", {
    "next-action": "0123456789abcdef0123456789abcdef01234567",
    origin: "https://evil.example",
    "content-type": "text/plain;charset=UTF-8",
  });
  expect(res.status).toBe(403);
});
