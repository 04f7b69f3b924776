// The report as CSV for Swedish spreadsheets (src/lib/swedish-csv.ts), one
// table after another (the unit's figures, the months, the care managers).
import { csvFile, csvRow as row } from "@/lib/swedish-csv";
import { formatFigure } from "./format-figure";
import type { Report } from "./report";

export function reportCsv(
  unitName: string,
  unit: Report,
  careManagers: readonly { name: string; report: Report }[],
): string {
  const lines = [
    row([
      "Uppföljning",
      unitName,
      `${unit.period.from} – ${unit.period.to}`,
      `räknat till och med ${unit.asOf}`,
    ]),
    "",
    row(["Mått", "Värde", "Täljare", "Nämnare", "Definition"]),
    ...unit.figures.map((f) => row([f.label, formatFigure(f), f.numerator, f.denominator, f.definition])),
    "",
    row(["Månad", "Inskrivningar", "Pågående insatser", "Nådda kontakter", "Kontakter per patient"]),
    ...unit.months.map((m) =>
      row([
        m.month,
        m.enrollments,
        m.activeEpisodes,
        m.contacts,
        m.contactRate === null ? null : Math.round(m.contactRate * 100) / 100,
      ]),
    ),
    "",
    row(["Vårdsamordnare", ...unit.figures.map((f) => f.label)]),
    ...careManagers.map((cm) => row([cm.name, ...cm.report.figures.map((f) => formatFigure(f))])),
  ];
  return csvFile(lines);
}
