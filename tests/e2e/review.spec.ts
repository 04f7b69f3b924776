import { expect, test } from "@playwright/test";
import { loginViaApi } from "./support";

test("the psychiatrist works the review list: opens a non-responder and records a review", async ({
  page,
}) => {
  await loginViaApi(page, "psykiater");
  await page.getByRole("link", { name: "Konsultlista" }).click();
  await expect(page.getByRole("heading", { name: "Konsultlista" })).toBeVisible();
  const rows = page.locator("tbody tr");
  expect(await rows.count()).toBeGreaterThan(5);
  // Safety first: the top row carries a safety flag.
  await expect(rows.first()).toContainText(/Suicidrisk – bedöm i dag|Svår depression/);

  const row = rows
    .filter({ hasText: "Ej behandlingssvar – konsultgenomgång" })
    .filter({ hasNotText: "12 veckor" })
    .first();
  await row.getByRole("link").click();
  await expect(page.getByRole("heading", { name: "Öppna flaggor" })).toBeVisible();
  const form = page.getByLabel("Bedömning eller beslut för ”Ej behandlingssvar – konsultgenomgång”");
  await page.getByRole("button", { name: "Markera som hanterad" }).first().click();
  await expect(page.getByText("Skriv vad som bedömdes eller beslutades.").first()).toBeVisible();
  // A refused submission keeps what the clinician typed (React resets the form after an action).
  const long = `Genomgång: ${"lång text ".repeat(520)}`;
  await form.fill(long);
  await form.locator("xpath=ancestor::form").getByRole("button", { name: "Markera som hanterad" }).click();
  await expect(page.getByText("Högst 5000 tecken.").first()).toBeVisible();
  await expect(form).toHaveValue(long);
  await form.fill("Genomgång: byt till mirtazapin 15 mg, KBT-grupp. Ny bedömning om fyra veckor.");
  await form.locator("xpath=ancestor::form").getByRole("button", { name: "Markera som hanterad" }).click();
  // The page re-renders from the server: the flag leaves the open list and joins the handled ones.
  await expect(page.getByRole("heading", { name: "Hanterade flaggor" })).toBeVisible();
  await expect(page.getByText("byt till mirtazapin")).toBeVisible();
  await expect(
    page.getByLabel("Bedömning eller beslut för ”Ej behandlingssvar – konsultgenomgång”"),
  ).toHaveCount(0);
});

// Every page that shows one patient's data, by its route: another unit's record
// and a missing one answer the same 404 page, with nothing of the patient in it.
const PATIENT_PAGES = [
  (ids: Ids) => `/patienter/${ids.patientId}`,
  (ids: Ids) => `/patienter/${ids.patientId}?insats=${ids.episodeId}`,
  (ids: Ids) => `/insatser/${ids.episodeId}`,
  (ids: Ids) => `/insatser/${ids.episodeId}/kontakt`,
];
type Ids = { patientId: string; episodeId: string };
const MISSING = "00000000-0000-4000-8000-00000000dead";

test("another unit's record is not found on any patient page, exactly like a missing one", async ({
  page,
  browser,
}) => {
  await loginViaApi(page, "samordnare1");
  await page.goto("/patienter?vy=enheten");
  const row = page.getByTestId("caseload").locator("tbody tr").first();
  const name = (await row.getByRole("link").first().textContent())!.trim();
  const ids: Ids = {
    patientId: /\/patienter\/([0-9a-f-]{36})/.exec(
      (await row.getByRole("link").first().getAttribute("href"))!,
    )![1]!,
    episodeId: /\/insatser\/([0-9a-f-]{36})/.exec(
      (await row.getByRole("link").last().getAttribute("href"))!,
    )![1]!,
  };
  for (const pagePath of PATIENT_PAGES) expect((await page.goto(pagePath(ids)))?.status()).toBe(200);

  const other = await browser.newPage();
  await loginViaApi(other, "samordnare2");
  for (const pagePath of PATIENT_PAGES) {
    for (const target of [ids, { patientId: MISSING, episodeId: MISSING }]) {
      const res = await other.goto(pagePath(target));
      expect(res?.status(), pagePath(target)).toBe(404);
      await expect(other.getByRole("heading", { name: "Sidan finns inte" })).toBeVisible();
      expect(await other.content()).not.toContain(name.split(",")[0]!);
    }
  }
  await other.close();
});
