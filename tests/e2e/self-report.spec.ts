// The patient's self-report by link (issue 10): the care manager makes a link;
// the patient answers in a browser without login (and without JavaScript) on
// a phone; a high Livslust is on the GP's list at once; the link is used up,
// and a revoked one answers 410 too; the care manager sees the answer on the
// start page and logs the next call from it. (Expiry with an injected clock:
// tests/integration/self-report.integration.test.ts.)
import { randomUUID } from "node:crypto";
import { expect, test } from "@playwright/test";
import { todayInStockholm } from "@/lib/dates";
import { addDays } from "@/lib/local-date";
import { createApiToken, enrollViaApi, expectAxeClean, loginViaApi } from "./support";

const today = todayInStockholm();
const UNIT_PHONE = "031-390 65 10"; // the demo's Vårdcentralen Kungshöjd

test("a patient answers through a link, the GP sees SAFETY_RISK, the care manager logs the next call from it", async ({
  page,
  browser,
  request,
}) => {
  test.setTimeout(120_000);
  const givenName = `Sigrid${randomUUID().slice(0, 4)}`;
  const familyName = `Självskattare-${randomUUID().slice(0, 6)}`;
  const start = addDays(today, -10);
  const { episodeId } = await enrollViaApi(request, {
    careManager: "samordnare1",
    gp: "lakare1",
    givenName,
    familyName,
    startDate: start,
    contacts: [{ date: start, madrsS: [3, 3, 3, 3, 3, 3, 3, 3, 1] }],
  });

  // Without JavaScript the page works the same: a link from the API, answered in a browser with scripts off.
  const auth = { Authorization: `Bearer ${createApiToken("samordnare1")}` };
  const first = await request.post(`/api/v1/episodes/${episodeId}/self-report-links`, { headers: auth });
  expect(first.status()).toBe(201);
  const noScript = await browser.newContext({
    javaScriptEnabled: false,
    viewport: { width: 390, height: 844 },
  });
  const plain = await noScript.newPage();
  await plain.goto(((await first.json()) as { url: string }).url);
  for (let i = 1; i <= 9; i++)
    await plain
      .getByRole("group", { name: new RegExp(`^${i}\\. `) })
      .getByRole("radio", { name: /^1/ })
      .check();
  await plain.getByRole("button", { name: "Skicka svaren" }).click();
  await expect(plain.getByRole("heading", { name: "Tack, dina svar är skickade" })).toBeVisible();
  await expect(plain.getByRole("heading", { name: "Om du behöver hjälp innan dess" })).toBeVisible();
  await noScript.close();

  // The care manager makes the link on the patient page.
  await loginViaApi(page, "samordnare1");
  await page.goto(`/insatser/${episodeId}`);
  const section = page.locator("section", {
    has: page.getByRole("heading", { name: "Självskattning via länk" }),
  });
  await section.getByRole("button", { name: "Skapa länk" }).click();
  const url = await section.getByTestId("self-report-url").inputValue();
  expect(url).toMatch(/\/svar\/[A-Za-z0-9_-]{43}$/);
  await expect(section.getByRole("img", { name: "QR-kod med länken" })).toBeVisible();
  await expect(section).toContainText("Länken är skapad och visas bara nu");

  // The patient, on a phone, without login (scripts on only for axe: the page has none).
  const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: "sv-SE" });
  const patient = await phone.newPage();
  const opened = await patient.goto(url);
  expect(opened!.status()).toBe(200);
  // The token is in the URL: no referrer leaves the page, and it allows nothing but itself.
  const headers = await opened!.allHeaders();
  expect(headers["referrer-policy"]).toBe("no-referrer");
  expect(headers["content-security-policy"]).toContain("default-src 'none'");
  expect(headers["cache-control"]).toBe("no-store");
  await expect(patient.getByRole("heading", { name: "Självskattning av måendet" })).toBeVisible();
  await expect(patient.getByText("Vårdcentralen Kungshöjd").first()).toBeVisible();
  const body = await patient.locator("body").innerText();
  expect(body).not.toContain(familyName);
  expect(body).not.toContain(givenName);
  await expectAxeClean(patient);

  // Eight answers: the form comes back (400) with what was chosen and what is missing.
  const answers = [2, 2, 3, 2, 2, 3, 2, 3, 5];
  const choose = async (upTo: number) => {
    for (let i = 0; i < upTo; i++)
      await patient
        .getByRole("group", { name: new RegExp(`^${i + 1}\\. `) })
        .getByRole("radio", { name: new RegExp(`^${answers[i]}`) })
        .check();
  };
  await choose(8);
  const [partial] = await Promise.all([
    patient.waitForResponse((r) => r.request().method() === "POST"),
    patient.getByRole("button", { name: "Skicka svaren" }).click(),
  ]);
  expect(partial.status()).toBe(400);
  await expect(patient.getByRole("heading", { name: "Svaren kunde inte skickas" })).toBeVisible();
  await expect(patient.getByRole("link", { name: "Fråga 9, Livslust" })).toBeVisible();
  await expect(
    patient.getByRole("group", { name: /^1\. / }).getByRole("radio", { name: /^2/ }),
  ).toBeChecked();
  await expectAxeClean(patient);

  await patient.getByRole("group", { name: /^9\. / }).getByRole("radio", { name: /^5/ }).check();
  const [sent] = await Promise.all([
    patient.waitForResponse((r) => r.request().method() === "POST"),
    patient.getByRole("button", { name: "Skicka svaren" }).click(),
  ]);
  expect(sent.status()).toBe(201);
  // Livslust 5: where to get help comes first, then the thanks (read once the new page is there).
  await expect(patient.getByRole("heading", { name: "Tack, dina svar är skickade" })).toBeVisible();
  const headings = await patient.getByRole("heading").allInnerTexts();
  expect(headings.slice(0, 2)).toEqual(["Behöver du hjälp nu?", "Tack, dina svar är skickade"]);
  await expect(patient.getByRole("link", { name: "112" })).toBeVisible();
  await expect(patient.getByRole("link", { name: "1177", exact: true })).toBeVisible();
  await expect(patient.getByRole("link", { name: UNIT_PHONE })).toBeVisible();
  await expect(patient.getByText("Svaren läses inte direkt")).toBeVisible();
  await expectAxeClean(patient);

  // Used up: the second time it says so kindly, with the unit's phone (410).
  const again = await patient.goto(url);
  expect(again!.status()).toBe(410);
  await expect(patient.getByRole("heading", { name: "Länken gäller inte längre" })).toBeVisible();
  await expect(patient.getByText("redan skickade")).toBeVisible();
  await expect(patient.getByRole("link", { name: UNIT_PHONE }).first()).toBeVisible();
  await expectAxeClean(patient);

  // The GP's Flaggade patienter shows the suicide risk now, not after the next call.
  const gpContext = await browser.newContext();
  const gp = await gpContext.newPage();
  await loginViaApi(gp, "lakare1");
  await gp.goto("/flaggor");
  await expect(gp.locator("tbody tr", { hasText: familyName })).toContainText("Suicidrisk – bedöm i dag");
  await gpContext.close();

  // A revoked link answers 410 too.
  const link = await request.post(`/api/v1/episodes/${episodeId}/self-report-links`, { headers: auth });
  expect(link.status()).toBe(201);
  const second = (await link.json()) as { id: string; url: string };
  expect((await request.delete(`/api/v1/self-report-links/${second.id}`, { headers: auth })).status()).toBe(
    200,
  );
  const revoked = await patient.goto(second.url);
  expect(revoked!.status()).toBe(410);
  await expect(patient.getByText("tagit tillbaka")).toBeVisible();
  await phone.close();

  // The care manager's start page shows the answer; the next call refers to it.
  await page.goto("/");
  const fresh = page.getByTestId("new-self-reports").locator("li", { hasText: familyName });
  await expect(fresh).toContainText(`Patienten svarade ${today}: 24 p`);
  await fresh.getByRole("link", { name: "Registrera samtal" }).click();
  const box = page.getByTestId("self-report-box");
  await expect(box).toContainText(`Patienten svarade ${today}: 24 p`);
  await expect(box.getByRole("checkbox", { name: /Samtalet utgår från självskattningen/ })).toBeChecked();
  await expect(page.getByLabel(/^1\. Sinnesstämning/)).toBeHidden();
  await page.getByRole("button", { name: "Spara kontakt" }).click();
  await expect(page.getByText("Kontakten är sparad.")).toBeVisible();
  const contacts = page.getByTestId("contacts");
  await expect(contacts).toContainText(`Utgick från patientens självskattning ${today}: 24 p`);
  await expect(contacts).toContainText("Patientrapporterad via länk, ej verifierad");
  await page.goto("/");
  await expect(page.getByTestId("new-self-reports").locator("li", { hasText: familyName })).toHaveCount(0);
});
