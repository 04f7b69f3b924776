import "server-only";
import ExcelJS from "exceljs";
import type { Figure, Report } from "../rules/report";

/** A figure's value as a spreadsheet number: shares as fractions with a percent format, the rest as they are. */
const numberFormat = (f: Figure) => (f.kind === "share" ? "0%" : f.kind === "count" ? "0" : "0.0");

/**
 * The report as an Excel workbook: the unit's figures with their definitions,
 * the months, and the care managers, each on a sheet of its own, with numbers
 * as numbers (not text) so that they can be charted and summed.
 */
export async function reportXlsx(
  unitName: string,
  unit: Report,
  careManagers: readonly { name: string; report: Report }[],
): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = "Samvård";
  const title = `${unitName} ${unit.period.from} – ${unit.period.to} (räknat till och med ${unit.asOf})`;

  const figures = book.addWorksheet("Mått");
  figures.addRow([`Uppföljning: ${title}`]).font = { bold: true };
  figures.addRow([]);
  figures.addRow(["Mått", "Värde", "Täljare", "Nämnare", "Definition"]).font = { bold: true };
  for (const f of unit.figures) {
    const row = figures.addRow([f.label, f.value, f.numerator, f.denominator, f.definition]);
    row.getCell(2).numFmt = numberFormat(f);
  }
  figures.columns.forEach((c, i) => (c.width = [34, 10, 10, 10, 90][i]));

  const months = book.addWorksheet("Per månad");
  months.addRow([
    "Månad",
    "Inskrivningar",
    "Pågående insatser",
    "Nådda kontakter",
    "Kontakter per patient",
  ]).font = { bold: true };
  for (const m of unit.months) {
    months.addRow([m.month, m.enrollments, m.activeEpisodes, m.contacts, m.contactRate]).getCell(5).numFmt =
      "0.0";
  }
  months.columns.forEach((c) => (c.width = 20));

  const managers = book.addWorksheet("Per vårdsamordnare");
  managers.addRow(["Vårdsamordnare", ...unit.figures.map((f) => f.label)]).font = { bold: true };
  for (const cm of careManagers) {
    const row = managers.addRow([cm.name, ...cm.report.figures.map((f) => f.value)]);
    cm.report.figures.forEach((f, i) => (row.getCell(i + 2).numFmt = numberFormat(f)));
  }
  managers.columns.forEach((c, i) => (c.width = i === 0 ? 28 : 16));

  return Buffer.from(await book.xlsx.writeBuffer());
}
