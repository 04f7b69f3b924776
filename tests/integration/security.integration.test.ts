// Each finding of the security review, reproduced as the attack it was.
import fs from "node:fs";
import { request as httpRequest } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { NextRequest, type NextFetchEvent } from "next/server";
import { describe, expect, it } from "vitest";
import { CONTRACTS } from "@/app/api/v1/contracts";
import { systemDb } from "@/lib/db/client";
import { createApiToken } from "@/modules/api-tokens/lib/tokens";
import { createOwnToken, revokeOwnToken } from "@/modules/api-tokens/lib/manage-tokens";
import { authRoute } from "@/modules/auth/lib/auth-route";
import { proxy } from "@/proxy";
import { guardedServer } from "@/cli/http-server";
import { ROUTE_MODULES, api } from "../support/api";
import {
  TEST_PASSWORD,
  accessRows,
  actorOf,
  createTestUser,
  createTokenUser,
  uniquePersonnummer,
} from "../support/factories";
import { createEpisodeScenario } from "../support/scenario";

describe("request bodies have a limit (413 before parsing)", () => {
  const LIMIT = 65_536;

  it("a declared Content-Length over the limit is refused without reading the body", async () => {
    const { token } = await createTokenUser();
    let pulled = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled++;
        controller.enqueue(new Uint8Array(1024 * 1024));
      },
    });
    const res = await api("POST", "/patients", {
      token,
      raw: body,
      headers: { "content-length": String(100 * 1024 * 1024) },
    });
    expect(res.status).toBe(413);
    expect(res.body).toMatchObject({ status: 413, title: "Content too large" });
    expect(pulled).toBeLessThanOrEqual(1);
  });

  it("a streamed body without a length is read only until it passes the limit", async () => {
    const { token } = await createTokenUser();
    let sent = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        sent += 16 * 1024;
        if (sent > 100 * 1024 * 1024) controller.close();
        else controller.enqueue(new Uint8Array(16 * 1024).fill(32));
      },
    });
    const res = await api("POST", "/patients", { token, raw: body });
    expect(res.status).toBe(413);
    expect(sent).toBeLessThan(LIMIT + 64 * 1024);
  });

  it("a body within the limit is parsed as before", async () => {
    const { user, token } = await createTokenUser();
    const unitId = user.memberships[0]!.unitId;
    const padded = JSON.stringify({
      personnummer: uniquePersonnummer(),
      givenName: "A",
      familyName: "B",
      unitId,
      pad: " ".repeat(LIMIT - 300),
    });
    expect(Buffer.byteLength(padded)).toBeLessThan(LIMIT);
    expect((await api("POST", "/patients", { token, raw: padded })).status).toBe(201);
  });
});

describe("API tokens", () => {
  it("an expired token is refused with 401 and says so", async () => {
    const user = await createTestUser();
    const { token } = await createApiToken(systemDb(), {
      userId: user.id,
      name: "gammal",
      days: 90,
      now: new Date(Date.now() - 91 * 86_400_000),
    });
    const res = await api("GET", "/me", { token });
    expect(res.status).toBe(401);
    expect(res.body).toMatchObject({ detail: expect.stringContaining("expired") });
  });

  it("creation asks for the password again; a wrong one counts towards the lock and creates nothing", async () => {
    const user = await createTestUser();
    const actor = actorOf(user);
    await expect(createOwnToken({ actor, name: "Integration", password: "fel" })).rejects.toMatchObject({
      status: 400,
      fieldErrors: { password: [expect.stringContaining("Fel lösenord")] },
    });
    expect(await systemDb().apiToken.count({ where: { userId: user.id } })).toBe(0);
    expect((await systemDb().user.findUniqueOrThrow({ where: { id: user.id } })).failedLoginCount).toBe(1);
    const created = await createOwnToken({ actor, name: "Integration", password: TEST_PASSWORD });
    expect(created.expiresAt.getTime() - Date.now()).toBeGreaterThan(89 * 86_400_000);
    expect((await api("GET", "/me", { token: created.token })).status).toBe(200);
  });

  it("five wrong passwords at token creation lock the account and end its sessions", async () => {
    const user = await createTestUser();
    const actor = actorOf(user);
    for (let i = 0; i < 5; i++)
      await createOwnToken({ actor, name: "x", password: "fel" }).catch(() => undefined);
    const row = await systemDb().user.findUniqueOrThrow({ where: { id: user.id } });
    expect(row.lockedUntil!.getTime()).toBeGreaterThan(Date.now());
    await expect(createOwnToken({ actor, name: "x", password: TEST_PASSWORD })).rejects.toMatchObject({
      status: 400,
    });
  });

  it("creation and revocation are access-logged, with the session that did them", async () => {
    const user = await createTestUser();
    const actor = actorOf(user);
    const created = await createOwnToken({ actor, name: "Integration", password: TEST_PASSWORD });
    await revokeOwnToken({ actor, tokenId: created.id });
    const rows = await accessRows({ userId: user.id });
    expect(rows.map((r) => [r.action, r.target, r.sessionId])).toEqual([
      [
        "API_TOKEN_CREATED",
        `api-token:${created.id}`,
        actor.credential.kind === "session" ? actor.credential.sessionId : null,
      ],
      [
        "API_TOKEN_REVOKED",
        `api-token:${created.id}`,
        actor.credential.kind === "session" ? actor.credential.sessionId : null,
      ],
    ]);
    expect((await api("GET", "/me", { token: created.token })).status).toBe(401);
  });

  it("someone else's token cannot be revoked", async () => {
    const owner = await createTokenUser();
    const other = await createTestUser();
    await expect(revokeOwnToken({ actor: actorOf(other), tokenId: owner.tokenId })).rejects.toMatchObject({
      status: 404,
    });
    expect((await api("GET", "/me", { token: owner.token })).status).toBe(200);
  });
});

describe("names", () => {
  const register = async (givenName: string, familyName = "Andersson") => {
    const { user, token } = await createTokenUser();
    return api<{ errors?: Record<string, string[]>; givenName?: string }>("POST", "/patients", {
      token,
      body: {
        personnummer: uniquePersonnummer(),
        givenName,
        familyName,
        unitId: user.memberships[0]!.unitId,
      },
    });
  };

  it.each([
    ["only invisible characters", "\u200b\u200b\u2060"],
    ["only a bidirectional override", "\u202e\u202d"],
    ["a right-to-left override inside", "Anna\u202etsson"],
    ["a first-strong isolate", "\u2068Anna"],
    ["no letter at all", "123 --"],
  ])("refuses a name of %s with a field error", async (_what, name) => {
    const res = await register(name);
    expect(res.status).toBe(400);
    expect(res.body.errors?.givenName?.[0]).toMatch(/\S/);
  });

  it("keeps the zero-width non-joiner that Persian names need", async () => {
    const res = await register("مهر\u200cنوش", "Ahmadi");
    expect(res.status).toBe(201);
    expect(res.body.givenName).toBe("مهر\u200cنوش");
  });
});

describe("protocol-level requests that were answered 500", () => {
  const ev = { waitUntil: () => undefined } as unknown as NextFetchEvent;
  const through = async (url: string, init: ConstructorParameters<typeof NextRequest>[1] = {}) =>
    (await proxy(new NextRequest(`http://localhost:3000${url}`, init), ev)) as Response;

  it("TRACE is 405: answered by the server before Next.js, which cannot even build a Request for it", async () => {
    let reached = 0;
    const server = guardedServer((_req, res) => {
      reached++;
      res.end("ok");
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as AddressInfo;
    const send = (method: string) =>
      new Promise<{ status: number; allow?: string }>((resolve, reject) => {
        const req = httpRequest({ host: "127.0.0.1", port, method, path: "/api/v1/me" }, (res) => {
          res.resume();
          resolve({ status: res.statusCode!, allow: res.headers.allow });
        });
        req.on("error", reject);
        req.end();
      });
    try {
      expect(await send("TRACE")).toEqual({ status: 405, allow: expect.stringContaining("GET") });
      expect(reached).toBe(0);
      expect((await send("GET")).status).toBe(200);
      expect(reached).toBe(1);
    } finally {
      server.close();
    }
    expect(() => new Request("http://localhost/", { method: "TRACE" })).toThrow();
  });

  it("an undecodable path is 400 in the API and a 404 page elsewhere", async () => {
    const res = await through("/api/v1/patients/%E0");
    expect(res.status).toBe(400);
    expect(res.headers.get("content-type")).toBe("application/problem+json");
    const page = await through("/insatser/%zz");
    expect(page.status).toBe(404);
    expect(page.headers.get("content-type")).toContain("text/html");
    expect(await page.text()).toContain("Sidan finns inte");
  });

  it("a server action posted from another site is 403; from our own it passes", async () => {
    const action = (origin: string) =>
      through("/insatser/x", {
        method: "POST",
        headers: { "next-action": "abc", origin, host: "localhost:3000" },
      });
    expect((await action("https://evil.example")).status).toBe(403);
    expect((await action("http://localhost:3000")).status).not.toBe(403);
  });

  it("every request gets a request id of the server's; the client's x-request-id is not it", async () => {
    const res = await through("/login", {
      headers: { "x-request-id": "00000000-0000-4000-8000-000000000001" },
    });
    const forwarded = res.headers.get("x-middleware-request-x-samvard-request-id");
    expect(forwarded).toMatch(/^[0-9a-f-]{36}$/);
    expect(forwarded).not.toBe("00000000-0000-4000-8000-000000000001");
  });

  it("a malformed callbackUrl on the next-auth endpoints is 400", async () => {
    const ctx = { params: Promise.resolve({ nextauth: ["signin"] }) };
    const get = await authRoute(
      new Request("http://localhost:3000/api/auth/signin?callbackUrl=http://%5B"),
      ctx,
    );
    expect(get.status).toBe(400);
    const post = await authRoute(
      new Request("http://localhost:3000/api/auth/callback/credentials", {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body: "username=a&password=b&callbackUrl=javascript%3Aalert(1)",
      }),
      { params: Promise.resolve({ nextauth: ["callback", "credentials"] }) },
    );
    expect(post.status).toBe(400);
  });
});

describe("the OpenAPI document is built from the routes' own contracts", () => {
  it("every API route file has a contract for each method it exports, and every contract a route", () => {
    const root = path.join(process.cwd(), "src/app/api/v1");
    const routes: string[] = [];
    const walk = (dir: string) => {
      for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
        const full = path.join(dir, entry.name);
        if (entry.isDirectory()) walk(full);
        else if (entry.name === "route.ts") routes.push(path.relative(root, dir));
      }
    };
    walk(root);
    const documented = routes
      .filter((r) => r !== "openapi.json" && r !== "[...rest]")
      .map((r) => `/${r}`.replace(/\[(\w+)\]/g, "{$1}").replace(/\/$/, ""));
    expect(documented.sort()).toEqual(Object.keys(ROUTE_MODULES).sort());
    const exported = Object.entries(ROUTE_MODULES).flatMap(([p, mod]) =>
      Object.keys(mod)
        .filter((k) => ["GET", "POST", "PUT", "PATCH", "DELETE"].includes(k))
        .map((m) => `${m} ${p}`),
    );
    expect(exported.sort()).toEqual(CONTRACTS.map((c) => `${c.method} ${c.path}`).sort());
  });
});

describe("refused attempts are in the access log", () => {
  it("a 409 that names an existing record is logged with that record", async () => {
    const s = await createEpisodeScenario({ startDaysAgo: 10 });
    const { user, token } = await createTokenUser({ unitIds: [s.unitId] });
    const again = await api("POST", "/patients", {
      token,
      body: { personnummer: s.patient.personnummer, givenName: "A", familyName: "B", unitId: s.unitId },
    });
    expect(again).toMatchObject({ status: 409, body: { existingId: s.patient.id } });
    const open = await api("POST", `/patients/${s.patient.id}/episodes`, {
      token,
      body: { startDate: s.day(10) },
    });
    expect(open.status).toBe(409);
    expect((await accessRows({ userId: user.id })).map((r) => [r.action, r.patientId, r.refusal])).toEqual([
      ["CREATE", s.patient.id, "CONFLICT"],
      ["CREATE", s.patient.id, "CONFLICT"],
    ]);
  });
});
