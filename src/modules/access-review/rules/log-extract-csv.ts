// The patient's log extract as CSV (the PDF's rows, for a spreadsheet).
import { csvFile, csvRow } from "@/lib/swedish-csv";
import { ROLE_LABEL } from "@/modules/auth/roles";
import { formatPersonnummer } from "@/modules/clinical/rules/format";
import { ACTION_LABEL } from "./describe";

export type ExtractCsvInput = {
  patients: readonly { givenName: string; familyName: string; personnummer: string }[];
  period: { from: string; to: string };
  rows: readonly {
    time: string;
    unit: string;
    user: string;
    role: keyof typeof ROLE_LABEL | null;
    action: string;
    what: string;
  }[];
};

export function logExtractCsv({ patients, period, rows }: ExtractCsvInput): string {
  return csvFile([
    csvRow(["Logglista", `${period.from} – ${period.to}`]),
    ...patients.map((p) =>
      csvRow(["Patient", `${p.familyName}, ${p.givenName}`, formatPersonnummer(p.personnummer)]),
    ),
    "",
    csvRow(["Tid", "Vårdenhet", "Användare", "Roll", "Händelse", "Vad"]),
    ...rows.map((r) =>
      csvRow([
        r.time,
        r.unit,
        r.user,
        r.role ? ROLE_LABEL[r.role] : "",
        ACTION_LABEL[r.action] ?? r.action,
        r.what,
      ]),
    ),
  ]);
}
