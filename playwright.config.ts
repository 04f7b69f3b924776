import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { defineConfig, devices } from "@playwright/test";
import { TEST_CLIENT } from "./tests/support/oidc-test-client";

// The e2e run starts the real launcher (`npm start`'s src/cli/start.ts) in demo
// mode on a throw-away data directory: embedded PostgreSQL, migrations, demo
// seed, `next start`. Workers re-read this file; the environment keeps them on
// the directory the main process made.
if (!process.env.SAMVARD_E2E_DATA_DIR) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "samvard-e2e-"));
  fs.chmodSync(dir, 0o755); // the postgres OS user must enter it
  process.env.SAMVARD_E2E_DATA_DIR = dir;
}
const port = Number(process.env.E2E_PORT ?? 3210);
const pgPort = Number(process.env.E2E_PG_PORT ?? 54339);
export const baseURL = `http://localhost:${port}`;
// A real OIDC identity provider (tests/support/oidc-idp.ts) on 127.0.0.1, so
// that its cookies and the app's (on localhost) stay apart.
const idpPort = Number(process.env.E2E_IDP_PORT ?? 3219);
export const idpIssuer = `http://127.0.0.1:${idpPort}`;

export default defineConfig({
  testDir: "tests/e2e",
  fullyParallel: true,
  forbidOnly: !!process.env.CI,
  retries: 0,
  workers: 2,
  reporter: process.env.CI ? [["list"]] : [["list"], ["html", { open: "never" }]],
  globalTeardown: "./tests/e2e/global-teardown.ts",
  use: {
    baseURL,
    locale: "sv-SE",
    timezoneId: "Europe/Stockholm",
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
  },
  projects: [
    {
      name: "chromium",
      use: {
        ...devices["Desktop Chrome"],
        launchOptions: {
          executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
          args: [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-dev-shm-usage",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--disable-quic",
            "--no-first-run",
          ],
        },
      },
    },
  ],
  webServer: [
    {
      command: "node_modules/.bin/node --import tsx tests/support/oidc-idp.ts",
      url: `${idpIssuer}/.well-known/openid-configuration`,
      timeout: 30_000,
      reuseExistingServer: false,
      env: { OIDC_TEST_PORT: String(idpPort), OIDC_TEST_APP_URL: baseURL },
    },
    {
      command: "node_modules/.bin/node --import tsx --conditions=react-server src/cli/start.ts",
      url: `${baseURL}/api/health`,
      timeout: 240_000,
      reuseExistingServer: false,
      stdout: "pipe",
      gracefulShutdown: { signal: "SIGTERM", timeout: 20_000 },
      env: {
        // Demo mode whatever a developer's .env says.
        DATABASE_URL: "",
        SAMVARD_DATA_DIR: process.env.SAMVARD_E2E_DATA_DIR,
        PORT: String(port),
        EMBEDDED_PG_PORT: String(pgPort),
        NEXTAUTH_URL: baseURL,
        // Every test logs in from this one address: the per-address login limit is tested behind the load balancer.
        LOGIN_RATE_LIMIT: "100000",
        OIDC_ISSUER: idpIssuer,
        OIDC_CLIENT_ID: TEST_CLIENT.id,
        OIDC_CLIENT_SECRET: TEST_CLIENT.secret,
      },
    },
  ],
});
