import { expect, test } from "@playwright/test";
import { stockholmDate } from "@/lib/local-date";
import { enrollViaApi, loginViaApi } from "./support";

test("the psychiatrist records a case review from the list; the GP reads it, and the psychiatrist sees it read", async ({
  page,
  browser,
}) => {
  test.setTimeout(120_000);
  await loginViaApi(page, "psykiater");
  await page
    .getByRole("navigation", { name: "Huvudmeny" })
    .getByRole("link", { name: "Konsultlista" })
    .click();
  await expect(page.getByRole("heading", { name: "Konsultlista" })).toBeVisible();
  const rows = page.getByTestId("review-list").locator("tbody tr");
  expect(await rows.count()).toBeGreaterThan(5);
  // Safety first: the top row carries a safety flag; each row a sparkline of every score.
  await expect(rows.first()).toContainText(/Suicidrisk – bedöm i dag|Svår depression/);
  await expect(rows.first().getByRole("img", { name: /^MADRS-S: / })).toBeVisible();

  const row = rows
    .filter({ hasText: "Ej behandlingssvar – konsultgenomgång" })
    .filter({ hasNotText: "12 veckor" })
    .first();
  const unit = (await row.textContent())!.includes("Kungshöjd") ? "lakare1" : "lakare2";
  await row.getByRole("link").click();
  await expect(page.getByRole("heading", { name: "Öppna flaggor" })).toBeVisible();
  await expect(page.getByText("Hanteras med fallgenomgången nedan.").first()).toBeVisible();

  const text = page.getByLabel("Rekommendation till läkaren och vårdsamordnaren");
  const save = page.getByRole("button", { name: "Spara fallgenomgång" });
  await save.click();
  await expect(
    page.getByText("Skriv rekommendationen till läkaren och vårdsamordnaren.").first(),
  ).toBeVisible();
  // The field takes at most 5 000 characters (the server refuses more too).
  await text.fill(`Genomgång: ${"lång text ".repeat(520)}`);
  expect((await text.inputValue()).length).toBe(5000);
  const advice = `Byt till mirtazapin 15 mg, KBT-grupp. Ny bedömning om fyra veckor. (${Date.now()})`;
  await text.fill(advice);
  await save.click();

  const recommendations = page.locator("section", {
    has: page.getByRole("heading", { name: "Rekommendationer från psykiatern" }),
  });
  await expect(recommendations).toContainText(advice);
  await expect(recommendations).toContainText(/Inte läst av .* \(läkaren\)/);
  const open = page.locator("section", { has: page.getByRole("heading", { name: "Öppna flaggor" }) });
  await expect(open).not.toContainText("Ej behandlingssvar – konsultgenomgång");
  await expect(page.getByRole("heading", { name: "Hanterade flaggor" })).toBeVisible();

  // The GP finds it on the start page and marks it read.
  const gp = await browser.newPage();
  await loginViaApi(gp, unit);
  const waiting = gp.locator("li", { hasText: advice });
  await expect(waiting).toBeVisible();
  await waiting.getByRole("button", { name: "Tagen del av" }).click();
  await expect(gp.locator("li", { hasText: advice })).toHaveCount(0);
  await gp.close();

  // The psychiatrist sees it read.
  await page.reload();
  await expect(recommendations).toContainText(/Läst av .* \(läkaren\)/);
});

test("a care manager's question gets the psychiatrist's written answer, which waits on the care manager's start page", async ({
  page,
  browser,
  request,
}) => {
  test.setTimeout(120_000);
  // A patient of samordnare1 with no question yet, through the API.
  const { episodeId } = await enrollViaApi(request, {
    careManager: "samordnare1",
    givenName: "Frida",
    familyName: "Frågasson",
    startDate: stockholmDate(new Date()),
  });

  await loginViaApi(page, "samordnare1");
  await page.goto(`/insatser/${episodeId}`);
  await page.getByText("Markera för genomgång").first().click();
  const question = `Sömnen är fortsatt dålig, mirtazapin till natten? (${Date.now()})`;
  await page.getByLabel("Fråga till psykiatern").fill(question);
  await page.getByRole("button", { name: "Markera för genomgång" }).click();
  const questions = page.locator("section", {
    has: page.getByRole("heading", { name: "Frågor till psykiatern" }),
  });
  await expect(questions).toContainText(question);
  await expect(questions).toContainText("Väntar på svar.");

  const psy = await browser.newPage();
  await loginViaApi(psy, "psykiater");
  await psy.goto(`/insatser/${episodeId}`);
  const asked = psy.locator("li", { hasText: question });
  await asked.getByText("Svara skriftligt").click();
  await asked.getByRole("button", { name: "Skicka svar" }).click();
  await expect(asked.getByText("Skriv svaret till den som frågade.").first()).toBeVisible();
  const answer = "Ja, mirtazapin 15 mg till natten. Följ upp om två veckor.";
  await asked.getByLabel("Svar").fill(answer);
  await asked.getByRole("button", { name: "Skicka svar" }).click();
  await expect(psy.locator("li", { hasText: question })).toContainText(`Svar från Karin Holm`);
  await expect(psy.getByText("Svara skriftligt")).toHaveCount(0);
  await psy.close();

  // The answer waits on the care manager's start page until read.
  await page.goto("/");
  const waiting = page.locator("li", { hasText: answer });
  await expect(waiting).toBeVisible();
  await waiting.getByRole("button", { name: "Tagen del av" }).click();
  await expect(page.locator("li", { hasText: answer })).toHaveCount(0);
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
  test.setTimeout(90_000); // twelve page loads
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
