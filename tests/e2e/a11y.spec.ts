import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { loginViaApi } from "./support";

// WCAG 2.1 A and AA, as axe-core checks them, on every page a role works in.
async function expectNoViolations(page: Page, what: string) {
  const result = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
    .analyze();
  expect(
    result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`),
    what,
  ).toEqual([]);
}

test("the care manager's pages have no axe violations", async ({ page }) => {
  test.setTimeout(120_000);
  await loginViaApi(page, "samordnare1");
  await expectNoViolations(page, "start page");
  await page.goto("/patienter");
  await expectNoViolations(page, "caseload");
  await page.goto("/patienter?vy=enheten&sortera=vecka&ordning=fallande");
  await expectNoViolations(page, "caseload, whole unit");
  await page.goto("/flaggor");
  await expectNoViolations(page, "flagged patients");
  await page.goto("/patienter/ny");
  await expectNoViolations(page, "enrollment search");
  await page.getByLabel("Personnummer eller samordningsnummer").fill("19121212-1212");
  await page.getByLabel("Personnummer eller samordningsnummer").press("Enter");
  await expect(page.getByRole("heading", { name: /^Ny patient, / })).toBeVisible();
  await expectNoViolations(page, "enrollment form");

  await page.goto("/patienter");
  await page.getByTestId("caseload").locator("tbody tr").first().getByRole("link").first().click();
  await expect(page.getByRole("heading", { name: "Kontakter" })).toBeVisible();
  await page.getByText("Ändra status").click();
  await page.getByText("Markera för genomgång").first().click();
  await expectNoViolations(page, "patient page");
  await page.getByRole("link", { name: "Registrera kontakt" }).first().click();
  await page.getByLabel("Snabbinmatning").fill("444444445");
  await expect(page.getByTestId("safety-notice")).toBeVisible();
  await expectNoViolations(page, "contact form with the safety notice");
});

test("the GP's and the psychiatrist's pages have no axe violations", async ({ page, browser }) => {
  test.setTimeout(120_000);
  await loginViaApi(page, "psykiater");
  await page.goto("/konsultlista");
  await expectNoViolations(page, "Konsultlista");
  await page.goto("/konsultlista?asOf=2099-13-01");
  await expectNoViolations(page, "Konsultlista with a bad date");
  await page.goto("/konsultbesok");
  await expectNoViolations(page, "Konsultbesök");
  await page
    .getByRole("link", { name: /^\d{4}-\d{2}-\d{2}$/ })
    .first()
    .click();
  await expect(page.getByRole("heading", { name: "Dagordning" })).toBeVisible();
  await expectNoViolations(page, "a visit");
  await page.getByRole("link", { name: "Utskrift (A4)" }).click();
  await expect(page.getByTestId("print-patient").first()).toBeVisible();
  await expectNoViolations(page, "the visit's print view");
  await page.goto("/konsultlista");
  await page.getByTestId("review-list").locator("tbody tr").first().getByRole("link").click();
  await expect(page.getByRole("heading", { name: "Rekommendationer från psykiatern" })).toBeVisible();
  await expectNoViolations(page, "patient page with the case review");

  // axe runs in a page of its own browser context.
  const context = await browser.newContext();
  const gp = await context.newPage();
  await loginViaApi(gp, "lakare1");
  await expectNoViolations(gp, "the GP's start page");
  await gp.getByRole("table").locator("tbody tr").first().getByRole("link").click();
  await expect(gp.getByRole("heading", { name: "Öppna flaggor" })).toBeVisible();
  await expectNoViolations(gp, "patient page with the GP's decisions");
  await context.close();
});
