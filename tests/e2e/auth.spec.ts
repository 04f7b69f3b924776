import { expect, test } from "@playwright/test";
import { NAVIGATION, START_PAGE } from "@/modules/home/navigation";
import { DEMO_PASSWORD, createUser, fillLogin, loginViaApi } from "./support";

const KUNGSHOJD = "Vårdcentralen Kungshöjd";
const BERGSJON = "Vårdcentralen Bergsjön";

const demoUsers = [
  { username: "samordnare1", role: "Vårdsamordnare", roleValue: "VARDSAMORDNARE", units: [KUNGSHOJD] },
  { username: "lakare1", role: "Allmänläkare", roleValue: "ALLMANLAKARE", units: [KUNGSHOJD] },
  { username: "chef1", role: "Verksamhetschef", roleValue: "VERKSAMHETSCHEF", units: [KUNGSHOJD] },
  { username: "samordnare2", role: "Vårdsamordnare", roleValue: "VARDSAMORDNARE", units: [BERGSJON] },
  { username: "lakare2", role: "Allmänläkare", roleValue: "ALLMANLAKARE", units: [BERGSJON] },
  { username: "psykiater", role: "Psykiater", roleValue: "PSYKIATER", units: [BERGSJON, KUNGSHOJD] },
] as const;

for (const user of demoUsers) {
  test(`${user.username} logs in and sees role ${user.role} and units`, async ({ page }) => {
    await loginViaApi(page, user.username);
    const header = page.getByTestId("current-user");
    await expect(header).toContainText(user.role);
    for (const unit of user.units) await expect(header).toContainText(unit);
    // Each role's start page, and only the role's own pages in the header.
    const nav = page.getByRole("navigation", { name: "Huvudmeny" });
    const labels = NAVIGATION[user.roleValue].map((i) => i.label);
    await expect(nav.getByRole("link")).toHaveText(["Samvård", ...labels]);
    if (START_PAGE[user.roleValue] !== "home") {
      await expect(page.getByRole("heading", { level: 1 })).toContainText("I dag, ");
    } else {
      await expect(page.getByRole("heading", { level: 1 })).toContainText("Välkommen");
      for (const unit of user.units) await expect(page.getByRole("heading", { name: unit })).toBeVisible();
    }
  });
}

test("the login form logs in and returns to the page asked for", async ({ page }) => {
  await page.goto("/");
  await expect(page).toHaveURL(/\/login\?callbackUrl=%2F/);
  await expect(page.getByRole("heading", { name: "Logga in", exact: true })).toBeVisible();
  await fillLogin(page, "lakare1", DEMO_PASSWORD);
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByTestId("current-user")).toContainText("Allmänläkare");
});

test("anonymous requests to a deep page are sent to login with a safe callback", async ({ page }) => {
  await page.goto("/nagot/djupt?x=1");
  await expect(page).toHaveURL(/\/login\?callbackUrl=%2Fnagot%2Fdjupt%3Fx%3D1/);
});

test("a wrong password shows a clear Swedish message", async ({ page }) => {
  await page.goto("/login");
  await fillLogin(page, "samordnare1", "fel-losenord");
  await expect(page.locator("#login-error")).toHaveText("Fel användarnamn eller lösenord.");
  await fillLogin(page, "finns-inte", "fel-losenord");
  await expect(page.locator("#login-error")).toHaveText("Fel användarnamn eller lösenord.");
});

test("five failed logins lock the account and name the time it opens", async ({ page }) => {
  const user = createUser();
  await page.goto("/login");
  for (let i = 0; i < 4; i++) {
    await fillLogin(page, user.username, "fel-losenord");
    await expect(page.locator("#login-error")).toHaveText("Fel användarnamn eller lösenord.");
    await expect(page.getByRole("button", { name: "Logga in", exact: true })).toBeEnabled();
  }
  await fillLogin(page, user.username, "fel-losenord");
  await expect(page.locator("#login-error")).toContainText(
    /Kontot är låst .* Försök igen efter kl\. \d\d:\d\d\./,
  );
  // The right password does not help while locked.
  await fillLogin(page, user.username, user.password);
  await expect(page.locator("#login-error")).toContainText("Kontot är låst");
});

test("logout ends the session on the server, not only in the browser", async ({ page, context }) => {
  await loginViaApi(page, "samordnare2");
  const cookiesBefore = await context.cookies();
  await page.getByRole("button", { name: "Logga ut" }).click();
  await expect(page).toHaveURL(/\/login/);
  await page.goto("/");
  await expect(page).toHaveURL(/\/login/);
  // Replaying the old session cookie gets nowhere: the server-side session has ended.
  await context.addCookies(cookiesBefore);
  await page.goto("/");
  await expect(page).toHaveURL(/\/login\?expired=1/);
  await expect(page.locator("#login-info")).toContainText("Du har loggats ut");
  // next-auth's own session endpoint refuses the ended session too.
  await context.addCookies(cookiesBefore);
  expect(await (await page.request.get("/api/auth/session")).json()).toEqual({});
});

test("health endpoint reports database and migrations", async ({ request }) => {
  const res = await request.get("/api/health");
  expect(res.status()).toBe(200);
  expect(await res.json()).toEqual({ status: "ok", database: "ok", migrations: "up to date" });
});

test("an unknown page gets a Swedish 404", async ({ page }) => {
  await loginViaApi(page, "chef1");
  const res = await page.goto("/finns-inte");
  expect(res?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Sidan finns inte" })).toBeVisible();
});

test("the verksamhetschef's start page lists the unit's recent sign-ins", async ({ page }) => {
  await loginViaApi(page, "chef1");
  await expect(page.getByRole("heading", { name: "Senaste inloggningar på enheten" })).toBeVisible();
  await expect(page.getByRole("cell", { name: "chef1" }).first()).toBeVisible();
});
