import AxeBuilder from "@axe-core/playwright";
import ExcelJS from "exceljs";
import { expect, test, type APIRequestContext } from "@playwright/test";
import { createApiToken, loginViaApi } from "./support";

/** The unit's patients as a care manager sees them: what the verksamhetschef's pages must never show. */
async function patientsOfKungshojd(request: APIRequestContext) {
  const auth = { Authorization: `Bearer ${createApiToken("samordnare1")}` };
  const res = await request.get("/api/v1/patients", { headers: auth });
  expect(res.ok()).toBe(true);
  return (await res.json()) as { id: string; personnummer: string; givenName: string; familyName: string }[];
}

/** Each way a patient could be named on a page or in a file: the number with or without its dash, the full name. */
function expectNoPatient(
  text: string,
  patients: { personnummer: string; givenName: string; familyName: string }[],
) {
  for (const p of patients) {
    const digits = p.personnummer.replace(/\D/g, "");
    for (const form of [
      digits,
      `${digits.slice(0, 8)}-${digits.slice(8)}`,
      `${p.familyName}, ${p.givenName}`,
      `${p.givenName} ${p.familyName}`,
    ])
      expect(text, form).not.toContain(form);
  }
}

test("the verksamhetschef's report for the last 12 months: figures, chart, and a CSV that names no patient", async ({
  page,
  request,
}) => {
  test.setTimeout(120_000);
  const patients = await patientsOfKungshojd(request);
  expect(patients.length).toBeGreaterThan(10);

  await loginViaApi(page, "chef1");
  await page
    .getByRole("navigation", { name: "Huvudmeny" })
    .getByRole("link", { name: "Uppföljning" })
    .click();
  await expect(page.getByRole("heading", { name: "Uppföljning", level: 1 })).toBeVisible();
  await expect(page.getByRole("link", { name: "Senaste 12 månaderna" })).toHaveAttribute(
    "aria-current",
    "true",
  );
  const figures = page.getByTestId("report-figures");
  await expect(figures.getByRole("row", { name: /Inskrivningar/ })).toContainText(/\d+/);
  await expect(figures.getByRole("row", { name: /Behandlingssvar vid 12 veckor/ })).toContainText(
    /\d+ av \d+/,
  );
  await expect(page.getByRole("img", { name: /Inskrivningar per månad/ })).toBeVisible();
  await expect(page.getByTestId("report-managers")).toContainText("Anna Lindqvist");

  expectNoPatient(await page.content(), patients);

  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "CSV", exact: true }).click(),
  ]);
  const csv = (await (await download.createReadStream()).toArray()).join("");
  const lines = csv.replace(/^\uFEFF/, "").split("\r\n");
  expect(lines[0]).toMatch(/^Uppföljning;Vårdcentralen Kungshöjd;/);
  const header = lines.indexOf("Mått;Värde;Täljare;Nämnare;Definition");
  expect(header).toBeGreaterThan(0);
  const enrollments = lines.find((l) => l.startsWith("Inskrivningar;"))!.split(";");
  expect(Number(enrollments[1])).toBeGreaterThan(0);
  expectNoPatient(csv, patients);

  // The workbook: numbers as numbers, the same figures, no patient either.
  const [xlsx] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "XLSX", exact: true }).click(),
  ]);
  expect(xlsx.suggestedFilename()).toMatch(/^uppfoljning-\d{4}-\d{2}-\d{2}-\d{4}-\d{2}-\d{2}\.xlsx$/);
  const book = new ExcelJS.Workbook();
  await book.xlsx.read(await xlsx.createReadStream());
  expect(book.worksheets.map((w) => w.name)).toEqual(["Mått", "Per månad", "Per vårdsamordnare"]);
  const cells: string[] = [];
  book.eachSheet((sheet) => sheet.eachRow((row) => row.eachCell((cell) => cells.push(String(cell.value)))));
  let enrolled: unknown;
  book.getWorksheet("Mått")!.eachRow((row) => {
    if (row.getCell(1).value === "Inskrivningar") enrolled = row.getCell(2).value;
  });
  expect(enrolled).toBe(Number(enrollments[1]));
  expectNoPatient(cells.join("\n"), patients);

  // The research export: no identity, and the same person under the same pseudonym in two exports.
  const research = async (name: string) => {
    const [file] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("link", { name }).click(),
    ]);
    return (await (await file.createReadStream()).toArray()).join("");
  };
  const episodes = await research("Insatser (CSV)");
  const contacts = await research("Kontakter (CSV)");
  const again = await research("Insatser (CSV)");
  const persons = (text: string) =>
    text
      .trimEnd()
      .split("\n")
      .slice(1)
      .map((l) => l.split(",")[0]);
  expect(episodes.split("\n")[0]).toMatch(/^person,episode,unit,start_month,sex,age_band,/);
  expect(persons(episodes).length).toBeGreaterThan(10);
  expect(persons(again)).toEqual(persons(episodes));
  expect(contacts.split("\n")[0]).toMatch(/^episode,day,type,counterpart,reached,madrs_total,/);
  expectNoPatient(episodes + contacts, patients);

  // Dates that are no dates: said so, and the form keeps what was typed.
  await page.getByLabel("Från (ÅÅÅÅ-MM-DD)").fill("2026-13-01");
  await page.getByRole("button", { name: "Visa" }).click();
  await expect(page.locator("#period-error")).toContainText("Ange båda datumen som ÅÅÅÅ-MM-DD");
  await expect(page.getByLabel("Från (ÅÅÅÅ-MM-DD)")).toHaveValue("2026-13-01");

  const axe = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
});

test("the report is the verksamhetschef's: a care manager gets a notice and no download", async ({
  page,
}) => {
  await loginViaApi(page, "samordnare1");
  await page.goto("/uppfoljning");
  await expect(page.getByText("Uppföljningen är verksamhetschefens.")).toBeVisible();
  await expect(page.getByTestId("report-figures")).toHaveCount(0);
  const res = await page.request.get("/uppfoljning/export?format=csv");
  expect(res.status()).toBe(403);
});

test("Loggkontroll: a patient samordnare1 has just opened shows that read, who and what, in neutral words", async ({
  page,
  browser,
  request,
}) => {
  test.setTimeout(120_000);
  const [patient] = await patientsOfKungshojd(request);
  const cm = await browser.newPage();
  await loginViaApi(cm, "samordnare1");
  // The patient page, by id (two demo patients can share a name).
  await cm.goto(`/patienter/${patient!.id}`);
  await expect(cm.getByRole("heading", { name: "Kontakter" })).toBeVisible();
  await cm.close();

  await loginViaApi(page, "chef1");
  await page
    .getByRole("navigation", { name: "Huvudmeny" })
    .getByRole("link", { name: "Loggkontroll" })
    .click();
  await expect(page.getByRole("heading", { name: "Loggkontroll", level: 1 })).toBeVisible();
  await page.getByLabel("Personnummer eller samordningsnummer").fill(patient!.personnummer);
  await page.getByRole("button", { name: "Visa patientens logg" }).click();
  await expect(page.getByRole("heading", { name: /Åtkomster till patienten/ })).toContainText(
    patient!.familyName,
  );
  // The number is never in the address.
  expect(page.url()).not.toContain(patient!.personnummer.replace(/\D/g, "").slice(2));
  const log = page.getByTestId("access-log");
  // Newest first: the chef's own look-up of the number, then samordnare1's read of the patient page.
  await expect(log.locator("tbody tr").first()).toContainText("sökning på personnummer");
  const read = log
    .locator("tbody tr", { hasText: "Anna Lindqvist" })
    .filter({ hasText: /insats|patientuppgifter/ });
  await expect(read.first()).toContainText("Vårdsamordnare");
  await expect(read.first()).toContainText("Läsning");
  // Her caseload, which lists the patient, is a read too.
  await expect(
    log.locator("tbody tr", { hasText: "Anna Lindqvist" }).filter({ hasText: "patientlista" }).first(),
  ).toBeVisible();
  expect(await log.textContent()).not.toMatch(/SAFETY_RISK|SEVERE|NO_RESPONSE|MADRS/);

  // A number of no patient of the unit: said so, and the form keeps it.
  await page.getByLabel("Personnummer eller samordningsnummer").fill("19121212-1212");
  await page.getByRole("button", { name: "Visa patientens logg" }).click();
  await expect(page.getByText("Ingen patient med det numret på dina enheter.").first()).toBeVisible();
  await expect(page.getByLabel("Personnummer eller samordningsnummer")).toHaveValue("19121212-1212");

  // By user: what samordnare1 did.
  await page
    .getByRole("combobox", { name: "Användare" })
    .selectOption({ label: "Anna Lindqvist (Vårdsamordnare)" });
  await page.getByRole("button", { name: "Visa användarens logg" }).click();
  await expect(page.getByRole("heading", { name: "Vad Anna Lindqvist har gjort" })).toBeVisible();
  await expect(page.getByTestId("access-log")).toContainText(`${patient!.familyName}, ${patient!.givenName}`);

  const axe = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
});
