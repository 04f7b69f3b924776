// Inställningar as a verksamhetschef: a rule change previewed and saved, and
// the flags change as the preview said; a new user logs in with a one-time
// password; a deactivated user's session and token stop working.
import { randomUUID } from "node:crypto";
import { expect, test, type APIRequestContext } from "@playwright/test";
import { todayInStockholm } from "@/lib/dates";
import { addDays } from "@/lib/local-date";
import { createApiToken, createUser, enrollViaApi, expectAxeClean, fillLogin, loginViaApi } from "./support";

const today = todayInStockholm();

async function flagsOf(request: APIRequestContext, token: string, episodeId: string) {
  const res = await request.get(`/api/v1/episodes/${episodeId}`, {
    headers: { Authorization: `Bearer ${token}` },
  });
  expect(res.status()).toBe(200);
  return ((await res.json()) as { flags: { code: string }[] }).flags.map((f) => f.code);
}

test("a rule setting is previewed, saved from today, and the flags change as the preview said", async ({
  page,
  request,
}) => {
  test.setTimeout(120_000);
  // A unit of its own: a rule change in a demo unit would move other tests' flags.
  const unit = `Vårdcentralen E2E ${randomUUID().slice(0, 6)}`;
  const chef = createUser({ role: "VERKSAMHETSCHEF", unit });
  const cm = createUser({ role: "VARDSAMORDNARE", unit });
  const start = addDays(today, -20);
  const { episodeId } = await enrollViaApi(request, {
    careManager: cm.username,
    familyName: "Försenad",
    startDate: start,
    contacts: [{ date: start, madrsS: [3, 3, 3, 3, 3, 3, 3, 3, 1] }],
  });
  const token = createApiToken(cm.username);
  expect(await flagsOf(request, token, episodeId)).toContain("OVERDUE_CONTACT");

  await loginViaApi(page, chef.username, chef.password);
  await page
    .getByRole("navigation", { name: "Huvudmeny" })
    .getByRole("link", { name: "Inställningar" })
    .click();
  await expect(page.getByRole("heading", { name: "Inställningar", level: 1 })).toBeVisible();
  await expect(page.getByText("Enheten har standardvärdena")).toBeVisible();
  await expectAxeClean(page);

  const overdue = page.getByLabel("Kontakt försenad efter (dagar)");
  await expect(overdue).toHaveValue("14");
  await overdue.fill("30");
  await page.getByRole("button", { name: "Förhandsgranska" }).click();
  const preview = page.getByRole("status").filter({ hasText: "Om ändringen gällde i dag" });
  await expect(preview).toContainText("skulle 1 av 1 pågående insatser få andra flaggor");
  const row = preview.getByRole("row", { name: /Kontakt försenad/ });
  await expect(row.getByRole("cell")).toHaveText(["Kontakt försenad", "1", "0"]);
  // The preview keeps what was typed.
  await expect(overdue).toHaveValue("30");

  // A safety threshold cannot be switched off: refused on its field, nothing saved.
  const risk = page.getByLabel("Suicidrisk, Livslust från");
  await risk.fill("7");
  await page.getByRole("button", { name: "Spara ändringen" }).click();
  await expect(risk).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByText("Suicidrisk, Livslust från: högst 6.").first()).toBeVisible();
  await expect(overdue).toHaveValue("30");
  await risk.fill("4");

  await page.getByRole("button", { name: "Spara ändringen" }).click();
  await expect(page.getByText(`Sparat. De nya reglerna gäller från ${today}.`)).toBeVisible();
  const history = page.getByRole("table").filter({ hasText: "Vad ändrades" });
  await expect(history.getByRole("row").nth(1)).toContainText("Kontakt försenad efter (dagar): 30");
  await expect(history.getByRole("row").nth(1)).toContainText(`E2E ${chef.username}`);
  await expect(history.getByRole("row").nth(1)).toContainText("Gäller nu");

  expect(await flagsOf(request, token, episodeId)).not.toContain("OVERDUE_CONTACT");
  // Yesterday's evaluation keeps yesterday's rules.
  const res = await request.get(`/api/v1/episodes/${episodeId}?asOf=${addDays(today, -1)}`, {
    headers: { Authorization: `Bearer ${token}` },
  });
  expect(((await res.json()) as { flags: { code: string }[] }).flags.map((f) => f.code)).toContain(
    "OVERDUE_CONTACT",
  );
});

test("chef1 creates a user who logs in with the one-time password; deactivating ends their session and token", async ({
  page,
  browser,
  request,
}) => {
  test.setTimeout(120_000);
  const username = `e2e-ny-${randomUUID().slice(0, 6)}`;
  const name = `Nina ${username}`;
  await loginViaApi(page, "chef1");
  await page.goto("/installningar/anvandare");
  await expect(page.getByRole("heading", { name: "Användare", level: 1 })).toBeVisible();
  await expect(page.getByRole("row", { name: /Anna Lindqvist/ })).toContainText("Vårdsamordnare");
  await expectAxeClean(page);

  const form = page.getByRole("region", { name: "Ny användare" });
  await form.getByLabel("Namn", { exact: true }).fill(name);
  await form.getByLabel("Användarnamn").fill(username);
  await form.getByLabel("Roll").selectOption("VARDSAMORDNARE");
  await form.getByRole("button", { name: "Skapa användare" }).click();
  const password = (await page.getByTestId("one-time-password").textContent())!.trim();
  expect(password).toMatch(/^\S{4}-\S{4}-\S{4}-\S{4}$/);

  // The new user: the one-time password opens only "Nytt lösenord".
  const context = await browser.newContext();
  const user = await context.newPage();
  await user.goto("/login");
  await fillLogin(user, username, password);
  await expect(user.getByRole("heading", { name: "Välj ett eget lösenord" })).toBeVisible();
  await expectAxeClean(user);
  await user.goto("/patienter");
  await expect(user).toHaveURL(/\/nytt-losenord$/);
  await user.getByLabel("Engångslösenord").fill(password);
  await user.getByLabel("Nytt lösenord", { exact: true }).fill("mitt eget lösenord 2026");
  await user.getByLabel("Upprepa nytt lösenord").fill("mitt eget lösenord 2026");
  await user.getByRole("button", { name: "Spara lösenordet" }).click();
  await expect(user.getByTestId("current-user")).toContainText(name);
  const token = createApiToken(username);
  const me = () => request.get("/api/v1/me", { headers: { Authorization: `Bearer ${token}` } });
  expect((await me()).status()).toBe(200);

  // Deactivated: the open session and the token stop working at once.
  await page.reload();
  await page.getByRole("button", { name: `Inaktivera ${name}` }).click();
  await expect(page.getByText("Användaren är inaktiverad")).toBeVisible();
  await expect(page.getByRole("row", { name: new RegExp(name) })).toContainText("Inaktiverad");
  await user.goto("/patienter");
  await expect(user).toHaveURL(/\/login/);
  expect((await me()).status()).toBe(401);
  await context.close();
});
