import { expect, test } from "@playwright/test";
import { addDays, stockholmDate } from "@/lib/local-date";
import { createUser, enrollViaApi, loginViaApi } from "./support";

test("a GP handles a SAFETY_RISK from the start page with a decision", async ({ page }) => {
  test.setTimeout(90_000);
  await loginViaApi(page, "lakare1");
  await expect(page.getByRole("heading", { name: /^I dag, / })).toBeVisible();
  await expect(page.getByText(/med suicidrisk väntar på din bedömning i dag/)).toBeVisible();
  const row = page.locator("tbody tr", { hasText: "Suicidrisk – bedöm i dag" }).first();
  const patient = (await row.getByRole("link").textContent())!.trim();
  await row.getByRole("link").click();
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();

  const form = page.locator("form", { hasText: "Beslut för ”Suicidrisk – bedöm i dag”" });
  const note = form.getByLabel("Beskriv beslutet för ”Suicidrisk – bedöm i dag”");
  await note.fill("Samtal i dag: inga planer, skyddsfaktorer. Återbesök om en vecka.");
  await form.getByRole("button", { name: "Markera som hanterad" }).click();
  // Without a decision the form says so, and keeps the text.
  await expect(form.getByText("Välj vad som beslutades.").first()).toBeVisible();
  await expect(note).toHaveValue("Samtal i dag: inga planer, skyddsfaktorer. Återbesök om en vecka.");
  await form.getByRole("radio", { name: "Suicidriskbedömning gjord" }).check();
  await form.getByRole("button", { name: "Markera som hanterad" }).click();

  const handled = page.locator("section", { has: page.getByRole("heading", { name: "Hanterade flaggor" }) });
  await expect(handled).toContainText("Suicidriskbedömning gjord.");
  await expect(handled).toContainText("inga planer, skyddsfaktorer");
  const open = page.locator("section", { has: page.getByRole("heading", { name: "Öppna flaggor" }) });
  await expect(open).not.toContainText("Suicidrisk – bedöm i dag");

  // Back on the start page the patient's suicide risk no longer waits.
  await page.goto("/");
  await expect(page.locator("tbody tr", { hasText: patient }).filter({ hasText: "Suicidrisk" })).toHaveCount(
    0,
  );
});

test("the header counts the GP's own flags and what waits to be read, and follows each step", async ({
  page,
  browser,
  request,
}) => {
  test.setTimeout(120_000);
  // A GP of their own, so that no other test's patients are counted.
  const gp = createUser({ role: "ALLMANLAKARE" });
  const today = stockholmDate(new Date());
  const familyName = `Räknesson${Date.now().toString(36)}`;
  // Suicidal thoughts (item 9 at 4) at the first visit: one flag for the GP.
  const { episodeId } = await enrollViaApi(request, {
    careManager: "samordnare1",
    gp: gp.username,
    familyName,
    startDate: addDays(today, -2),
    contacts: [{ date: addDays(today, -2), madrsS: [3, 3, 3, 3, 3, 3, 2, 2, 4] }],
  });
  await loginViaApi(page, gp.username, gp.password);
  const waiting = page.getByRole("navigation", { name: "Väntar på dig" });
  await expect(waiting.getByRole("link")).toHaveText(["1 flagga"]);
  await waiting.getByRole("link", { name: "1 flagga" }).click();
  await expect(page.getByRole("heading", { name: "Flaggade patienter" })).toBeVisible();
  await expect(page.locator("tbody tr", { hasText: familyName })).toContainText("Suicidrisk – bedöm i dag");

  // The psychiatrist's case review handles it, and its recommendation waits for the GP.
  const psy = await browser.newPage();
  await loginViaApi(psy, "psykiater");
  const psyHeader = psy.getByRole("navigation", { name: "Väntar på dig" });
  await expect(psyHeader.getByRole("link", { name: /på konsultlistan$/ })).toBeVisible();
  await psy.goto(`/insatser/${episodeId}`);
  await psy
    .getByLabel("Rekommendation till läkaren och vårdsamordnaren")
    .fill(`Suicidriskbedömning gjord, ingen akut risk. (${familyName})`);
  await psy.getByRole("button", { name: "Spara fallgenomgång" }).click();
  const recommendations = psy.locator("section", {
    has: psy.getByRole("heading", { name: "Rekommendationer från psykiatern" }),
  });
  await expect(recommendations).toContainText(`(${familyName})`);
  await psy.close();

  // Following a link (the shared layout is not rendered again) brings the header up to date.
  await page
    .getByRole("navigation", { name: "Huvudmeny" })
    .getByRole("link", { name: "Mina patienter" })
    .click();
  await expect(page.getByRole("heading", { name: "Mina patienter" })).toBeVisible();
  await expect(waiting.getByRole("link")).toHaveText(["1 att läsa"]);
  await waiting.getByRole("link", { name: "1 att läsa" }).click();
  const unread = page.locator("li", { hasText: `(${familyName})` });
  await unread.getByRole("button", { name: "Tagen del av" }).click();
  await expect(page.locator("li", { hasText: `(${familyName})` })).toHaveCount(0);
  // Nothing waits: no counts at all.
  await expect(waiting).toHaveCount(0);
});
