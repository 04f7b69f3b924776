// The database restarts while care managers save contacts: while it is down
// the API answers 503 problem+json in Swedish and pages show a friendly error
// page; the app recovers by itself once the database is back; every contact
// that got a 201 is in the database afterwards. Also: twenty saves at once to
// one episode lose nothing, and a stop lets a request in flight finish.
import { request as httpRequest } from "node:http";
import { randomUUID } from "node:crypto";
import { expect, test } from "@playwright/test";
import pg from "pg";
import { todayInStockholm } from "@/lib/dates";
import { DEMO_PASSWORD } from "@/modules/demo/lib/demo-users";
import { startApp, startDatabase, openEpisodeOf, tokenFor, type App, type Database } from "./harness";

let db: Database;
let app: App;
let token: string;
let episodeId: string;

test.beforeAll(async () => {
  db = await startDatabase();
  // One token saves as fast as it can: the per-token limit would answer 429, not the database.
  app = await startApp({
    databaseUrl: db.appUrl,
    env: { SAMVARD_WORKERS: "2", API_TOKEN_RATE_LIMIT: "10000000" },
  });
  token = await tokenFor(db.appUrl, "samordnare1");
  episodeId = await openEpisodeOf(db.appUrl, "samordnare1");
});

test.afterAll(async () => {
  await app?.stop();
  await db?.stop();
});

const contact = (key: string) => ({
  date: todayInStockholm(),
  type: "PHONE",
  reached: true,
  madrsS: [3, 3, 3, 2, 2, 2, 2, 2, 2],
  idempotencyKey: key,
});

async function save(key: string) {
  const res = await fetch(`${app.url}/api/v1/episodes/${episodeId}/contacts`, {
    method: "POST",
    headers: { Authorization: `Bearer ${token}`, "Content-Type": "application/json" },
    body: JSON.stringify(contact(key)),
  });
  return {
    status: res.status,
    type: res.headers.get("content-type") ?? "",
    retryAfter: res.headers.get("retry-after"),
    body: (await res.json()) as Record<string, unknown>,
  };
}

async function countKeys(keys: string[]) {
  const client = new pg.Client({ connectionString: db.appUrl });
  await client.connect();
  const { rows } = await client.query<{ n: string }>(
    "SELECT count(*) AS n FROM contact WHERE idempotency_key = ANY($1::uuid[])",
    [keys],
  );
  await client.end();
  return Number(rows[0]!.n);
}

test("a database restart during contact saves: 503 in Swedish while down, recovery without an app restart, no acknowledged save lost", async ({
  page,
}) => {
  const acknowledged: string[] = [];
  const unavailable: Awaited<ReturnType<typeof save>>[] = [];
  const unacknowledged: string[] = [];
  const other: { status: number; body: unknown }[] = [];
  let running = true;
  let upAt = 0;
  let firstSaveAfterUp = 0;
  const worker = async () => {
    while (running) {
      const key = randomUUID();
      const res = await save(key);
      if (res.status === 201) {
        acknowledged.push(key);
        if (upAt && !firstSaveAfterUp) firstSaveAfterUp = Date.now();
      } else if (res.status === 503) {
        unavailable.push(res);
        unacknowledged.push(key);
      } else other.push({ status: res.status, body: res.body });
    }
  };
  // A care manager is signed in in the browser too.
  const { csrfToken } = (await (await page.request.get(`${app.url}/api/auth/csrf`)).json()) as {
    csrfToken: string;
  };
  const login = await page.request.post(`${app.url}/api/auth/callback/credentials`, {
    form: { csrfToken, username: "samordnare1", password: DEMO_PASSWORD, json: "true" },
  });
  expect(login.ok()).toBe(true);
  const workers = Array.from({ length: 4 }, worker);

  await new Promise((r) => setTimeout(r, 1_000));
  const before = acknowledged.length;
  await db.stop();
  await new Promise((r) => setTimeout(r, 2_000));
  // A page while the database is down: the friendly error page, not a crash or a login page.
  await page.goto(`${app.url}/patienter`);
  await expect(page.getByRole("heading", { name: "Sidan kunde inte visas just nu" })).toBeVisible();
  await expect(page).toHaveURL(/\/patienter$/); // not sent to log in again
  const startAt = Date.now();
  await db.start();
  upAt = Date.now();
  const until = Date.now() + 60_000;
  while (!firstSaveAfterUp && Date.now() < until) await new Promise((r) => setTimeout(r, 50));
  await new Promise((r) => setTimeout(r, 1_000));
  running = false;
  await Promise.all(workers);

  const recoveryMs = firstSaveAfterUp - upAt;
  test.info().annotations.push({ type: "recovery", description: `${recoveryMs} ms` });
  console.log(
    `[db-restart] saves acknowledged: ${acknowledged.length} (${before} before the stop); 503 answers: ${unavailable.length}; PostgreSQL took ${upAt - startAt} ms to start; the first acknowledged save came ${recoveryMs} ms after it took connections`,
  );

  if (other.length)
    console.log(
      app
        .output()
        .split("\n")
        .filter((l) => l.includes('"level":"error"'))
        .join("\n"),
    );
  expect(other).toEqual([]);
  expect(unavailable.length).toBeGreaterThan(0);
  for (const u of unavailable) {
    expect(u.type).toContain("application/problem+json");
    expect(u.retryAfter).toBe("5");
    expect(u.body).toMatchObject({
      status: 503,
      title: "Service unavailable",
      detail: expect.stringMatching(/Samvård når inte databasen just nu/),
    });
  }
  expect(firstSaveAfterUp, "saves succeed again without restarting the app").toBeGreaterThan(0);
  expect(recoveryMs).toBeLessThan(30_000);
  expect(app.process.exitCode).toBeNull();
  expect(acknowledged.length).toBeGreaterThan(before);
  expect(await countKeys(acknowledged)).toBe(acknowledged.length);
  // A 503 promises nothing either way: a save that lost its connection at COMMIT may be in.
  console.log(
    `[db-restart] of the ${unacknowledged.length} saves answered 503, ${await countKeys(unacknowledged)} were committed anyway`,
  );

  // The page works again after "Försök igen" (it asks the server anew).
  await page.getByRole("button", { name: "Försök igen" }).click();
  await expect(page.getByTestId("current-user")).toBeVisible();
});

test("twenty saves at once to one episode: twenty contacts, none lost", async () => {
  const keys = Array.from({ length: 20 }, () => randomUUID());
  const results = await Promise.all(keys.map(save));
  expect(results.map((r) => r.status)).toEqual(keys.map(() => 201));
  expect(new Set(results.map((r) => r.body.id)).size).toBe(20);
  expect(await countKeys(keys)).toBe(20);
});

test("a stop lets the request in flight finish: its contact is saved, then the process exits", async () => {
  const drained = await startApp({ databaseUrl: db.appUrl, env: { API_TOKEN_RATE_LIMIT: "10000000" } });
  const key = randomUUID();
  const body = JSON.stringify(contact(key));
  const answer = new Promise<number>((resolve, reject) => {
    const req = httpRequest(
      `${drained.url}/api/v1/episodes/${episodeId}/contacts`,
      {
        method: "POST",
        headers: {
          Authorization: `Bearer ${token}`,
          "Content-Type": "application/json",
          "Content-Length": Buffer.byteLength(body),
        },
      },
      (res) => {
        res.resume();
        res.on("end", () => resolve(res.statusCode ?? 0));
      },
    );
    req.on("error", reject);
    // Half the body now; the stop comes while the request is still being read.
    req.write(body.slice(0, 20));
    setTimeout(() => {
      drained.process.kill("SIGTERM");
      setTimeout(() => req.end(body.slice(20)), 500);
    }, 300);
  });
  expect(await answer).toBe(201);
  expect(await drained.stop()).toBe(0);
  expect(await countKeys([key])).toBe(1);
});
