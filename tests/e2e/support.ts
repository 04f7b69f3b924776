import { execFileSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import AxeBuilder from "@axe-core/playwright";
import { expect, type APIRequestContext, type Page } from "@playwright/test";
import type { LocalDate } from "@/lib/local-date";
import { luhnCheckDigit } from "@/modules/patients/rules/identity";

export { DEMO_PASSWORD } from "@/modules/demo/lib/demo-users";
import { DEMO_PASSWORD } from "@/modules/demo/lib/demo-users";

/** No WCAG 2.1 A/AA violations on the page as it is now. */
export async function expectAxeClean(page: Page) {
  const axe = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
}

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
  await page.getByRole("button", { name: "Logga in", exact: true }).click();
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

/** A valid personnummer no demo patient has: born 1980–1999 on a random day, serial 900–999. */
export function newPersonnummer() {
  const y = 1980 + Math.floor(Math.random() * 20);
  const m = String(1 + Math.floor(Math.random() * 12)).padStart(2, "0");
  const d = String(1 + Math.floor(Math.random() * 28)).padStart(2, "0");
  const nine = `${String(y).slice(2)}${m}${d}${900 + Math.floor(Math.random() * 100)}`;
  return `${String(y).slice(0, 2)}${nine.slice(0, 6)}-${nine.slice(6)}${luhnCheckDigit(nine)}`;
}

/**
 * A new patient of the care manager's first unit, enrolled through the API
 * (with the GP when named), and the MADRS-S contacts given (item answers, by date).
 */
export async function enrollViaApi(
  request: APIRequestContext,
  {
    careManager,
    gp,
    givenName = "Ny",
    familyName,
    startDate,
    contacts = [],
  }: {
    careManager: string;
    gp?: string;
    givenName?: string;
    familyName: string;
    startDate: LocalDate;
    contacts?: { date: LocalDate; madrsS: number[] }[];
  },
) {
  const cm = { Authorization: `Bearer ${createApiToken(careManager)}` };
  const unitId = (
    (await (await request.get("/api/v1/units", { headers: cm })).json()) as { id: string }[]
  )[0]!.id;
  const gpId = gp
    ? (
        (await (
          await request.get("/api/v1/me", { headers: { Authorization: `Bearer ${createApiToken(gp)}` } })
        ).json()) as { id: string }
      ).id
    : undefined;
  const patient = await request.post("/api/v1/patients", {
    headers: cm,
    data: { personnummer: newPersonnummer(), givenName, familyName, unitId },
  });
  expect(patient.status()).toBe(201);
  const patientId = ((await patient.json()) as { id: string }).id;
  const episode = await request.post(`/api/v1/patients/${patientId}/episodes`, {
    headers: cm,
    data: { startDate, gpId },
  });
  expect(episode.status()).toBe(201);
  const episodeId = ((await episode.json()) as { id: string }).id;
  for (const [i, { date, madrsS }] of contacts.entries()) {
    const contact = await request.post(`/api/v1/episodes/${episodeId}/contacts`, {
      headers: cm,
      data: { date, type: i ? "PHONE" : "IN_PERSON", reached: true, madrsS },
    });
    expect(contact.status()).toBe(201);
  }
  return { patientId, episodeId };
}
