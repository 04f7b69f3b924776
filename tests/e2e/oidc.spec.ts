// The login through the region's identity provider, end to end in Chromium
// against a real OIDC server (tests/support/oidc-idp.ts, started by the
// Playwright config): its development login takes any login, and the login
// typed is the account's HSA-id.
import { randomUUID } from "node:crypto";
import { expect, test, type Page } from "@playwright/test";
import { expectAxeClean, loginViaApi } from "./support";

const newHsaId = () => `SE2321000016-E2E${randomUUID().replaceAll("-", "").slice(0, 10).toUpperCase()}`;

/** The IdP's own pages: its login (any password), then its consent. */
async function loginAtIdp(page: Page, hsaId: string) {
  await page.locator('input[name="login"]').fill(hsaId.toLowerCase());
  await page.locator('input[name="password"]').fill("siths-pin");
  await page.getByRole("button", { name: "Sign-in" }).click();
  await page.getByRole("button", { name: "Continue" }).click();
}

test.beforeEach(async ({ context }) => {
  // The IdP's development pages load a web font from Google: not reachable here, not needed.
  await context.route(/fonts\.(googleapis|gstatic)\.com/, (route) => route.abort());
});

test("a user whose HSA-id the verksamhetschef set logs in through the IdP, works, and logs out", async ({
  page,
  browser,
}) => {
  test.setTimeout(90_000);
  const hsaId = newHsaId();
  const name = `Siri ${hsaId.slice(-6)}`;
  await loginViaApi(page, "chef1");
  await page.goto("/installningar/anvandare");
  const form = page.getByRole("region", { name: "Ny användare" });
  await form.getByLabel("Namn", { exact: true }).fill(name);
  await form.getByLabel("Användarnamn").fill(`siri-${hsaId.slice(-6).toLowerCase()}`);
  await form.getByLabel("Roll").selectOption("ALLMANLAKARE");
  await form.getByLabel("HSA-id (valfritt)").fill(hsaId);
  await form.getByLabel("Skapa engångslösenord").uncheck();
  await form.getByRole("button", { name: "Skapa användare" }).click();
  await expect(page.getByRole("row", { name: new RegExp(name) })).toContainText("Allmänläkare");

  const context = await browser.newContext();
  await context.route(/fonts\.(googleapis|gstatic)\.com/, (route) => route.abort());
  const user = await context.newPage();
  await user.goto("/patienter");
  await expect(user).toHaveURL(/\/login\?callbackUrl=%2Fpatienter/);
  await expectAxeClean(user);
  await user.getByRole("button", { name: "Logga in med SITHS-kort" }).click();
  await expect(user).toHaveURL(/127\.0\.0\.1:\d+\/interaction\//);
  await loginAtIdp(user, hsaId);
  await expect(user).toHaveURL(/\/patienter$/);
  await expect(user.getByTestId("current-user")).toContainText(name);
  await expect(user.getByTestId("current-user")).toContainText("Allmänläkare");

  // A token right after the IdP login: no password to type (there is none).
  await user.goto("/api-nycklar");
  await expect(user.getByLabel("Ditt lösenord")).toHaveCount(0);
  await expect(user.getByText(/Du har nyss loggat in med SITHS-kort/)).toBeVisible();
  await user.getByLabel("Vad ska nyckeln användas till?").fill("Journalintegration");
  await user.getByRole("button", { name: "Skapa nyckel" }).click();
  await expect(user.getByTestId("new-token")).toHaveText(/^svd_/);

  // Logout ends the Samvård session and the IdP's own (RP-initiated logout), which
  // sends the browser back to our login page.
  const cookies = await context.cookies();
  await user.getByRole("button", { name: "Logga ut" }).click();
  await expect(user).toHaveURL(/127\.0\.0\.1:\d+\/session\/end/);
  await user.getByRole("button", { name: "Yes, sign me out" }).click();
  await expect(user).toHaveURL(/localhost:\d+\/login/);
  // The next person at this browser must prove who they are at the IdP: no silent way back in.
  await user.getByRole("button", { name: "Logga in med SITHS-kort" }).click();
  await expect(user.locator('input[name="login"]')).toBeVisible();
  const replay = await browser.newContext();
  await replay.addCookies(cookies);
  const replayed = await replay.newPage();
  await replayed.goto("/patienter");
  await expect(replayed).toHaveURL(/\/login/);
  await replay.close();

  // (The login's and logout's access-log rows: tests/integration/oidc-login.integration.test.ts.)
  await context.close();
});

test("an HSA-id that is no user's is refused with a clear Swedish message, and nothing opens", async ({
  page,
}) => {
  await page.goto("/login");
  await page.getByRole("button", { name: "Logga in med SITHS-kort" }).click();
  await loginAtIdp(page, newHsaId());
  await expect(page).toHaveURL(/\/login\?error=OidcUnknownHsaId/);
  await expect(page.getByTestId("login-page-error")).toHaveText(
    /ditt HSA-id är inte kopplat till någon användare i Samvård\. Be din verksamhetschef/,
  );
  await expectAxeClean(page);
  await page.goto("/patienter");
  await expect(page).toHaveURL(/\/login/);
});

test("an IdP user whose login is not recent is asked to log in again before making a token", async ({
  page,
}) => {
  // The re-login page: it asks the IdP for a new login even within its session.
  await page.goto("/login?reauth=1&callbackUrl=%2Fapi-nycklar");
  await expect(page.getByRole("heading", { name: "Logga in igen" })).toBeVisible();
  await expect(page.getByLabel("Lösenord")).toHaveCount(0);
  await page.getByRole("button", { name: "Logga in igen med SITHS-kort" }).click();
  await expect(page).toHaveURL(/127\.0\.0\.1:\d+\/interaction\//);
});
