import { expect, test, type APIRequestContext } from "@playwright/test";
import { pdfPages } from "../support/pdf-text";
import { addDays, stockholmDate } from "@/lib/local-date";
import { enrollViaApi, loginViaApi } from "./support";

const today = stockholmDate(new Date());
const ahead = addDays(today, 14);

/** A patient on day 50 without response, made through the API: on the list in two weeks, not today. */
const nonResponderOnDay50 = (request: APIRequestContext, familyName: string) =>
  enrollViaApi(request, {
    careManager: "samordnare1",
    gp: "lakare1",
    familyName,
    startDate: addDays(today, -50),
    contacts: [
      { date: addDays(today, -50), madrsS: [4, 4, 4, 4, 4, 4, 3, 3, 0] },
      { date: addDays(today, -1), madrsS: [4, 4, 4, 4, 4, 4, 3, 1, 0] },
    ],
  });

test("a psychiatrist plans a visit from the list two weeks ahead, prints it, records a recommendation, and sees the GP read it", async ({
  page,
  browser,
}) => {
  test.setTimeout(180_000);
  const familyName = `Framtidsson${Date.now().toString(36)}`;
  await nonResponderOnDay50(page.request, familyName);

  await loginViaApi(page, "psykiater");
  await page.goto("/konsultlista");
  await expect(page.getByRole("heading", { name: "Konsultlista" })).toBeVisible();
  await expect(page.getByTestId("review-list")).not.toContainText(familyName);
  const date = page.getByLabel("Per datum (t.ex. besöksdagen)");
  await date.fill(ahead);
  await date.press("Enter");
  const row = page.getByTestId("review-list").locator("tbody tr", { hasText: familyName });
  await expect(row).toContainText("Ej behandlingssvar – konsultgenomgång");

  // Plan the visit on that day: the agenda is the list as of the visit's date.
  await page
    .getByRole("navigation", { name: "Huvudmeny" })
    .getByRole("link", { name: "Konsultbesök" })
    .click();
  // A client-side navigation: the Konsultlista has an "Enhet" of its own until the new page is in.
  await expect(page.getByRole("heading", { name: "Konsultbesök", exact: true })).toBeVisible();
  await page.getByLabel("Enhet").selectOption({ label: "Vårdcentralen Kungshöjd" });
  await page.getByLabel("Besöksdag").fill(ahead);
  await page.getByRole("button", { name: "Planera besök" }).click();
  await expect(page.getByRole("heading", { name: `Konsultbesök ${ahead}` })).toBeVisible();
  const agenda = page.getByTestId("agenda").locator("> li");
  const items = await agenda.count();
  expect(items).toBeGreaterThan(1);
  await expect(agenda.filter({ hasText: familyName })).toHaveCount(1);
  const visitUrl = page.url();

  // The A4 print view, printed to PDF: the patients by name, a page for each.
  await page.getByRole("link", { name: "Utskrift (A4)" }).click();
  await expect(page.getByTestId("print-patient")).toHaveCount(items);
  await expect(page.getByRole("navigation", { name: "Huvudmeny" })).toHaveCount(0);
  const texts = await pdfPages(new Uint8Array(await page.pdf({ format: "A4" })));
  expect(texts.length).toBeGreaterThanOrEqual(items + 1);
  expect(texts[0]).toContain(`Konsultbesök ${ahead} – Vårdcentralen Kungshöjd`);
  // Each patient's section starts a page of its own.
  for (let i = 1; i <= items; i++) expect(texts.some((t) => t.includes(`${i} av ${items}`))).toBe(true);
  expect(texts.filter((t) => t.includes(`Ny ${familyName}`))).toHaveLength(1);

  // The recommendation for our patient, written on the visit's page.
  await page.goto(visitUrl);
  const advice = `Höj sertralin till 150 mg; KBT-grupp. (${familyName})`;
  await page.getByLabel(`Rekommendation för ${familyName}, Ny`).fill(advice);
  await agenda.filter({ hasText: familyName }).getByRole("button", { name: "Spara rekommendation" }).click();
  await expect(agenda.filter({ hasText: familyName })).toContainText("Inte läst av Erik Johansson (läkaren)");

  // The GP reads it on the start page.
  const gp = await browser.newPage();
  await loginViaApi(gp, "lakare1");
  const waiting = gp.locator("li", { hasText: advice });
  await expect(waiting).toBeVisible();
  await waiting.getByRole("button", { name: "Tagen del av" }).click();
  await expect(gp.locator("li", { hasText: advice })).toHaveCount(0);
  await gp.close();

  // And the psychiatrist sees it read.
  await page.reload();
  await expect(agenda.filter({ hasText: familyName })).toContainText("Läst av Erik Johansson (läkaren)");
});

test("a psychiatrist of other units finds neither the visit nor its print view", async ({
  page,
  browser,
}) => {
  await loginViaApi(page, "psykiater");
  await page.goto("/konsultbesok");
  await page.getByLabel("Enhet").selectOption({ label: "Vårdcentralen Kungshöjd" });
  await page.getByLabel("Besöksdag").fill(addDays(today, 30));
  await page.getByRole("button", { name: "Planera besök" }).click();
  await expect(page.getByRole("heading", { name: /^Konsultbesök \d/ })).toBeVisible();
  const visitPath = new URL(page.url()).pathname;
  const names = (await page.getByTestId("agenda").locator("> li p a").allTextContents()).map((n) => n.trim());
  // A care manager of the other unit (Bergsjön) is a clinical reader there, not here.
  const other = await browser.newPage();
  await loginViaApi(other, "samordnare2");
  for (const path of [
    visitPath,
    `${visitPath}/utskrift`,
    "/konsultbesok/00000000-0000-4000-8000-00000000dead",
  ]) {
    const res = await other.goto(path);
    expect(res?.status(), path).toBe(404);
    await expect(other.getByRole("heading", { name: "Sidan finns inte" })).toBeVisible();
    const shown = (await other.locator("body").textContent()) ?? "";
    for (const name of names) expect(shown).not.toContain(name);
  }
  await other.close();
});
