// The verksamhetschef's Loggkontroll beyond the search: a documented review,
// the patient's log extract naming samordnare1, and a sweep of every chef
// page and download for what the verksamhetschef must never see of a single
// patient (domain.md's role table): a contact note, a MADRS-S score, a flag.
import { randomUUID } from "node:crypto";
import AxeBuilder from "@axe-core/playwright";
import ExcelJS from "exceljs";
import { expect, test, type Page } from "@playwright/test";
import { todayInStockholm } from "@/lib/dates";
import { addDays } from "@/lib/local-date";
import { FLAG_CODES, FLAG_LABEL } from "@/modules/clinical/rules/flags";
import { pdfPages } from "../support/pdf-text";
import { createApiToken, enrollViaApi, loginViaApi } from "./support";

const today = todayInStockholm();

/** A patient of Kungshöjd with a severe score, a suicide-risk answer and a note, just read by samordnare1. */
async function patientWithNote(page: Page) {
  const familyName = `Loggad${randomUUID().slice(0, 6)}`;
  const note = `Anteckning ${randomUUID()}`;
  const start = addDays(today, -3);
  const { patientId, episodeId } = await enrollViaApi(page.request, {
    careManager: "samordnare1",
    gp: "lakare1",
    familyName,
    startDate: start,
    contacts: [{ date: start, madrsS: [5, 5, 5, 5, 5, 5, 5, 5, 4] }],
  });
  const cm = { Authorization: `Bearer ${createApiToken("samordnare1")}` };
  const contact = await page.request.post(`/api/v1/episodes/${episodeId}/contacts`, {
    headers: cm,
    data: { date: today, type: "PHONE", reached: true, note },
  });
  expect(contact.status()).toBe(201);
  const episode = await page.request.get(`/api/v1/episodes/${episodeId}`, { headers: cm });
  const flags = ((await episode.json()) as { flags: { code: string }[] }).flags.map((f) => f.code);
  expect(flags).toContain("SAFETY_RISK");
  // lakare1 handles the suicide-risk flag, with a note of its own: a flag handling in the log.
  const handled = await page.request.post(`/api/v1/episodes/${episodeId}/flags/SAFETY_RISK/handle`, {
    headers: { Authorization: `Bearer ${createApiToken("lakare1")}` },
    data: { note: `${note} (riskbedömning)`, decision: "RISK_ASSESSMENT_DONE" },
  });
  expect(handled.status()).toBe(200);
  const patient = await page.request.get(`/api/v1/patients/${patientId}`, { headers: cm });
  const { personnummer } = (await patient.json()) as { personnummer: string };
  return { patientId, familyName, note, personnummer };
}

test("a documented review is saved and listed; the patient's log extract (PDF) names samordnare1", async ({
  page,
}) => {
  test.setTimeout(120_000);
  const p = await patientWithNote(page);
  await loginViaApi(page, "chef1");
  await page.goto("/loggkontroll");
  await page
    .getByRole("navigation", { name: "Loggkontroll" })
    .getByRole("link", { name: "Granskning", exact: true })
    .click();
  await expect(page.getByRole("heading", { name: /Urval: \d+ åtkomster/ })).toBeVisible();
  const axeSelection = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
    .analyze();
  expect(axeSelection.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
  const selection = page.getByTestId("review-selection");
  const row = selection
    .locator("tbody tr")
    .filter({ has: page.getByRole("form", { name: /^Granska / }) })
    .first();
  const access = await row.getAttribute("data-access");
  const form = selection.locator(`tr[data-access="${access}"]`).getByRole("form");
  // Needs follow-up without a comment: refused, and said where.
  await form.getByLabel("Behöver följas upp").check();
  await form.getByRole("button", { name: "Spara granskning" }).click();
  await expect(form.getByText("Skriv vad som ska följas upp.")).toBeVisible();
  await form.getByLabel("Kommentar").fill("Kontrollera med användaren.");
  await form.getByRole("button", { name: "Spara granskning" }).click();
  const reviewed = selection.locator(`tr[data-access="${access}"]`);
  await expect(reviewed).toContainText("Behöver följas upp");
  await expect(reviewed).toContainText("Maria Berg");
  // From the access to everything that user did that month.
  await reviewed.getByRole("cell").nth(1).getByRole("link").click();
  await expect(page).toHaveURL(/\/loggkontroll\?user=/);
  await expect(page.getByTestId("access-log")).toBeVisible();
  await page.goBack();

  await page.getByRole("link", { name: "Genomförda granskningar" }).click();
  const report = page.getByTestId("reviews-report");
  await expect(report.locator("tbody tr", { hasText: "Kontrollera med användaren." })).toContainText(
    "Maria Berg",
  );
  const csv = await (
    await page.request.get(
      (await page.getByRole("link", { name: "Ladda ned som CSV" }).getAttribute("href"))!,
    )
  ).text();
  expect(csv).toContain("Kontrollera med användaren.");

  // The patient's log extract.
  await page.getByRole("link", { name: "Logglista till patient" }).click();
  await page.getByLabel("Personnummer eller samordningsnummer").fill(p.personnummer);
  await page.getByRole("button", { name: "Välj patient" }).click();
  await expect(page.getByRole("heading", { name: /Logglista för/ })).toContainText(p.familyName);
  expect(page.url()).not.toContain(p.personnummer.slice(2, 8));
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "Ladda ned logglista (PDF)" }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^logglista-.*\.pdf$/);
  const pdf = (
    await pdfPages(new Uint8Array(Buffer.concat(await (await download.createReadStream()).toArray())))
  ).join("\n");
  expect(pdf).toContain(`${p.familyName}, Ny`);
  expect(pdf).toContain("Anna Lindqvist");
  expect(pdf).toContain("Ändring: flagghantering");
  expect(pdf).toContain("Vårdsamordnare");
  expect(pdf).toContain("Vårdcentralen Kungshöjd");
  expect(pdf).not.toContain(p.note);
  const axe = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
});

test("chef1 never sees a contact note, a MADRS-S score or a flag of a single patient, on any page or in any file", async ({
  page,
}) => {
  test.setTimeout(180_000);
  const p = await patientWithNote(page);
  await loginViaApi(page, "chef1");
  const texts: { where: string; text: string; namesPatients: boolean }[] = [];
  const visit = async (path: string, namesPatients = false) => {
    await page.goto(path);
    await expect(page.locator("main")).toBeVisible();
    texts.push({ where: path, text: await page.content(), namesPatients });
  };
  const file = async (url: string, namesPatients = false) => {
    const res = await page.request.get(url);
    expect(res.status(), url).toBe(200);
    const body = await res.body();
    const type = res.headers()["content-type"] ?? "";
    let text = body.toString("utf8");
    if (type.startsWith("application/pdf")) text = (await pdfPages(new Uint8Array(body))).join("\n");
    if (type.includes("spreadsheetml")) {
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(body as unknown as ArrayBuffer);
      const cells: string[] = [];
      book.eachSheet((s) => s.eachRow((r) => r.eachCell((c) => cells.push(String(c.value)))));
      text = cells.join("\n");
    }
    texts.push({ where: url, text, namesPatients });
  };

  await visit("/");
  await visit("/uppfoljning");
  const unitId = new URL(
    (await page.getByRole("link", { name: "CSV", exact: true }).getAttribute("href"))!,
    "http://x",
  ).searchParams.get("unitId")!;
  const period = `unitId=${unitId}&from=${addDays(today, -365)}&to=${today}`;
  await file(`/uppfoljning/export?${period}`);
  await file(`/uppfoljning/export?${period}&format=xlsx`);
  await visit(`/loggkontroll?patient=${p.patientId}`, true);
  await visit("/loggkontroll/granskning", true);
  await visit("/loggkontroll/granskningar");
  await file(`/loggkontroll/granskningar/export?${period}`);
  await visit(`/loggkontroll/logglista?patient=${p.patientId}`, true);
  await file(
    `/loggkontroll/logglista/fil?patient=${p.patientId}&from=${addDays(today, -30)}&to=${today}`,
    true,
  );
  await file(
    `/loggkontroll/logglista/fil?patient=${p.patientId}&from=${addDays(today, -30)}&to=${today}&format=csv`,
    true,
  );
  await visit("/installningar");
  await visit("/installningar/anvandare");
  // The research export carries pseudonymised scores by design (docs/research-export.md): no identity, so
  // no score of a patient one could name; its check is that no identity is in it.
  const research = await (
    await page.request.get(`/uppfoljning/forskningsexport?${period}&kind=contacts`)
  ).text();
  expect(research).not.toContain(p.familyName);
  expect(research).not.toContain(p.personnummer.replace(/\D/g, ""));
  // And the clinical pages are closed to the verksamhetschef.
  await page.goto(`/patienter/${p.patientId}`);
  await expect(page.getByText(p.note)).toHaveCount(0);

  expect(texts.some((t) => t.text.includes(p.familyName))).toBe(true);
  for (const { where, text, namesPatients } of texts) {
    expect(text, where).not.toContain(p.note);
    for (const code of FLAG_CODES) expect(text, `${where}: ${code}`).not.toContain(code);
    if (namesPatients) {
      // Where a patient is named, nothing clinical: no flag, no score.
      for (const label of Object.values(FLAG_LABEL)) expect(text, `${where}: ${label}`).not.toContain(label);
      expect(text, where).not.toMatch(/MADRS|Livslust|skattning/i);
    } else {
      // Where figures or rules are shown, no patient is named.
      expect(text, where).not.toContain(p.familyName);
      expect(text, where).not.toContain(p.personnummer.replace(/\D/g, "").slice(0, 8));
    }
  }
});
