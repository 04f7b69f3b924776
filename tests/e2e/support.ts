import { execFileSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import { expect, type Page } from "@playwright/test";

export { DEMO_PASSWORD } from "@/modules/demo/lib/demo-users";
import { DEMO_PASSWORD } from "@/modules/demo/lib/demo-users";

/** Logs in through next-auth's credentials endpoint (the login form has its own test). */
export async function loginViaApi(page: Page, username: string, password = DEMO_PASSWORD) {
  const csrf = await page.request.get("/api/auth/csrf");
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const res = await page.request.post("/api/auth/callback/credentials", {
    form: { csrfToken, username, password, json: "true" },
  });
  expect(res.ok()).toBe(true);
  await page.goto("/");
  await expect(page.getByTestId("current-user")).toBeVisible();
}

/** A fresh user in the e2e database, made with the real `user:create` command. */
export function createUser({ role = "VARDSAMORDNARE", unit = "Vårdcentralen Kungshöjd" } = {}) {
  const username = `e2e-${randomUUID().slice(0, 8)}`;
  const password = `losen-${randomUUID()}`;
  execFileSync(
    "node_modules/.bin/node",
    [
      "--import",
      "tsx",
      "--conditions=react-server",
      "src/cli/user-create.ts",
      "--username",
      username,
      "--name",
      `E2E ${username}`,
      "--role",
      role,
      "--unit",
      unit,
    ],
    {
      env: {
        ...process.env,
        SAMVARD_DATA_DIR: process.env.SAMVARD_E2E_DATA_DIR,
        SAMVARD_PASSWORD: password,
        DATABASE_URL: "",
      },
    },
  );
  return { username, password };
}

export async function fillLogin(page: Page, username: string, password: string) {
  await page.getByLabel("Användarnamn").fill(username);
  await page.getByLabel("Lösenord").fill(password);
  await page.getByRole("button", { name: "Logga in" }).click();
}

/** An API token for a user of the e2e database, made with the real `api-token` command. */
export function createApiToken(username: string): string {
  return execFileSync(
    "node_modules/.bin/node",
    ["--import", "tsx", "--conditions=react-server", "src/cli/api-token.ts", username, "--name", "e2e"],
    { env: { ...process.env, SAMVARD_DATA_DIR: process.env.SAMVARD_E2E_DATA_DIR, DATABASE_URL: "" } },
  )
    .toString()
    .trim();
}
