// Two app instances behind a real load balancer (nginx from Debian, TLS with
// a throw-away certificate, round robin) on one PostgreSQL: a care manager
// logs in and logs a contact, a psychiatrist works the review list, each
// request landing on either instance; HSTS and Secure cookies over TLS; the
// per-token and per-address rate limits hold across the instances.
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { freePort } from "@/lib/db/embedded";
import { DEMO_PASSWORD } from "@/modules/demo/lib/demo-users";
import { startApp, startDatabase, tokenFor, type App, type Database } from "./harness";

const NGINX = process.env.NGINX_PATH ?? "/usr/sbin/nginx";
const TOKEN_LIMIT = 30;
const LOGIN_LIMIT = 12;

let db: Database;
let apps: App[] = [];
let nginx: ChildProcess;
let base: string;
const upstreams = new Set<string>();

/** nginx in the foreground with its files in `dir`: TLS, round robin, X-Forwarded-For appended. */
function nginxConfig(dir: string, port: number, backends: number[]) {
  return `
daemon off;
worker_processes 1;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
events { worker_connections 256; }
http {
  access_log off;
  client_body_temp_path ${dir}/body; proxy_temp_path ${dir}/proxy;
  fastcgi_temp_path ${dir}/fastcgi; uwsgi_temp_path ${dir}/uwsgi; scgi_temp_path ${dir}/scgi;
  upstream samvard {
${backends.map((p) => `    server 127.0.0.1:${p} max_fails=0;`).join("\n")}
    keepalive 16;
  }
  server {
    listen 127.0.0.1:${port} ssl;
    server_name localhost;
    ssl_certificate ${dir}/cert.pem;
    ssl_certificate_key ${dir}/key.pem;
    client_max_body_size 2m;
    location / {
      proxy_pass http://samvard;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host $http_host;
      proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
      proxy_set_header X-Forwarded-Proto https;
      proxy_set_header X-Forwarded-Host $http_host;
      add_header X-Samvard-Upstream $upstream_addr always;
    }
  }
}
`;
}

test.beforeAll(async () => {
  test.setTimeout(240_000);
  db = await startDatabase();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "samvard-lb-"));
  execFileSync(
    "openssl",
    [
      "req",
      "-x509",
      "-newkey",
      "rsa:2048",
      "-nodes",
      "-days",
      "1",
      "-subj",
      "/CN=localhost",
      "-keyout",
      `${dir}/key.pem`,
      "-out",
      `${dir}/cert.pem`,
    ],
    { stdio: "ignore" },
  );
  const port = await freePort();
  base = `https://localhost:${port}`;
  // Both instances as production runs them: the public URL is the load balancer's,
  // one trusted proxy appends to X-Forwarded-For.
  const env = {
    TRUSTED_PROXY_HOPS: "1",
    API_TOKEN_RATE_LIMIT: String(TOKEN_LIMIT),
    LOGIN_RATE_LIMIT: String(LOGIN_LIMIT),
  };
  apps = await Promise.all([0, 1].map(() => startApp({ databaseUrl: db.appUrl, publicUrl: base, env })));
  fs.writeFileSync(
    `${dir}/nginx.conf`,
    nginxConfig(
      dir,
      port,
      apps.map((a) => a.port),
    ),
  );
  nginx = spawn(NGINX, ["-c", `${dir}/nginx.conf`, "-p", dir], { stdio: "inherit" });
  const until = Date.now() + 20_000;
  for (;;) {
    try {
      execFileSync("curl", ["-ksf", "-o", "/dev/null", `${base}/api/health`]);
      break;
    } catch {
      if (Date.now() > until) throw new Error("nginx did not answer");
      await new Promise((r) => setTimeout(r, 200));
    }
  }
});

test.afterAll(async () => {
  nginx?.kill("SIGQUIT");
  await Promise.all(apps.map((a) => a.stop()));
  await db?.stop();
});

async function browserAt(page: Page) {
  page.on("response", (r) => {
    const u = r.headers()["x-samvard-upstream"];
    if (u) upstreams.add(u);
  });
}

test.use({ ignoreHTTPSErrors: true });

test("a care manager logs in through the load balancer and logs a contact; every page and action works on either instance", async ({
  page,
  context,
}) => {
  await browserAt(page);
  await page.goto(`${base}/patienter`);
  await expect(page).toHaveURL(/\/login\?callbackUrl=%2Fpatienter/);
  await page.getByLabel("Användarnamn").fill("samordnare1");
  await page.getByLabel("Lösenord").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Logga in", exact: true }).click();
  await expect(page).toHaveURL(`${base}/patienter`);
  await expect(page.getByTestId("current-user")).toContainText("Anna Lindqvist");

  // Over TLS: the session cookie is Secure and __Secure- prefixed, and ends with the browser.
  const cookie = (await context.cookies()).find((c) => c.name.includes("session-token"));
  expect(cookie).toMatchObject({
    name: "__Secure-next-auth.session-token",
    secure: true,
    httpOnly: true,
    expires: -1,
  });

  // Several page loads: round robin spreads them over both instances, the session holds on each.
  for (let i = 0; i < 4; i++) {
    await page.goto(`${base}/patienter`);
    await expect(page.getByTestId("current-user")).toBeVisible();
  }
  await page.getByTestId("caseload").locator("tbody tr").first().getByRole("link").first().click();
  await expect(page.getByRole("heading", { name: "Kontakter" })).toBeVisible();
  const rows = await page.getByTestId("score-table").locator("tbody tr").count();
  await page.getByRole("link", { name: "Registrera kontakt" }).first().click();
  for (const [i, v] of [2, 2, 2, 1, 1, 1, 1, 1, 1].entries())
    await page.getByLabel(new RegExp(`^${i + 1}\\. `)).fill(String(v));
  await page.getByRole("button", { name: "Spara kontakt" }).click();
  await expect(page.getByText("Kontakten är sparad.")).toBeVisible();
  await expect(page.getByTestId("score-table").locator("tbody tr")).toHaveCount(rows + 1);

  // HSTS on what the instances answer over TLS.
  const res = await page.request.get(`${base}/patienter`);
  expect(res.headers()["strict-transport-security"]).toBe("max-age=63072000; includeSubDomains");
});

test("the psychiatrist works the review list through the load balancer", async ({ page }) => {
  await browserAt(page);
  await page.goto(`${base}/login`);
  await page.getByLabel("Användarnamn").fill("psykiater");
  await page.getByLabel("Lösenord").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Logga in", exact: true }).click();
  await expect(page.getByTestId("current-user")).toContainText("Karin Holm");
  await page.getByRole("link", { name: "Konsultlista" }).first().click();
  await expect(page.getByRole("heading", { name: "Konsultlista", level: 1 })).toBeVisible();
  const list = page.locator("table tbody tr");
  expect(await list.count()).toBeGreaterThan(0);
  await list.first().getByRole("link").first().click();
  await expect(page.getByRole("heading", { name: "Kontakter" })).toBeVisible();
  // Both instances answered this test's and the last one's requests.
  expect(upstreams.size).toBe(2);
});

test("an API token's rate limit holds across the instances", async ({ request }) => {
  const token = await tokenFor(db.appUrl, "samordnare2");
  // The limit counts per minute: start at the beginning of one, so the run stays inside it.
  const intoMinute = Date.now() % 60_000;
  if (intoMinute > 50_000) await new Promise((r) => setTimeout(r, 60_000 - intoMinute + 100));
  const statuses: number[] = [];
  const served = new Set<string>();
  for (let i = 0; i < TOKEN_LIMIT + 6; i++) {
    const res = await request.get(`${base}/api/v1/me`, { headers: { Authorization: `Bearer ${token}` } });
    statuses.push(res.status());
    served.add(res.headers()["x-samvard-upstream"] ?? "");
    if (res.status() === 429) {
      expect(res.headers()["content-type"]).toContain("application/problem+json");
      expect(Number(res.headers()["retry-after"])).toBeGreaterThan(0);
    }
  }
  expect(served.size).toBe(2);
  expect(statuses).toEqual([...Array<number>(TOKEN_LIMIT).fill(200), ...Array<number>(6).fill(429)]);
});

test("password logins from one address are limited across the instances, whatever X-Forwarded-For the client sends", async ({
  request,
}) => {
  const attempt = async (spoof: string, username: string) => {
    const csrf = await request.get(`${base}/api/auth/csrf`);
    const { csrfToken } = (await csrf.json()) as { csrfToken: string };
    const res = await request.post(`${base}/api/auth/callback/credentials`, {
      headers: { "X-Forwarded-For": spoof },
      form: { csrfToken, username, password: "fel", json: "true" },
      maxRedirects: 0,
    });
    const location = res.headers()["location"] ?? (await res.text());
    return decodeURIComponent(location);
  };
  // Twice the limit and two: whether or not a ten-minute window ends during the run (or
  // the logins of the tests above count), some of these must be refused.
  const answers: string[] = [];
  for (let i = 0; i < 2 * LOGIN_LIMIT + 2; i++)
    answers.push(await attempt(`10.9.9.${i}`, `ingen-sadan-${i}`));
  const limited = answers.filter((a) => a.includes("RATE_LIMITED:"));
  expect(limited.length).toBeGreaterThan(0);
  // Refused for the address, not the account: the rest are plain wrong passwords.
  expect(answers.filter((a) => !a.includes("RATE_LIMITED:")).every((a) => a.includes("INVALID"))).toBe(true);
});
