// The performed log reviews as CSV: the report an inspector (IVO) asks for.
import { csvFile, csvRow } from "@/lib/swedish-csv";
import { ACTION_LABEL } from "./describe";
import { REASON_LABEL, type Reason } from "./selection";

export const OUTCOME_LABEL = { OK: "OK", FOLLOW_UP: "Behöver följas upp" } as const;

export type ReviewCsvRow = {
  reviewedAt: string;
  reviewer: string;
  accessAt: string;
  user: string;
  action: string | null;
  what: string;
  reasons: readonly Reason[];
  outcome: keyof typeof OUTCOME_LABEL;
  comment: string | null;
};

export function reviewsCsv(
  unitName: string,
  period: { from: string; to: string },
  rows: readonly ReviewCsvRow[],
) {
  return csvFile([
    csvRow(["Genomförda logggranskningar", unitName, `${period.from} – ${period.to}`]),
    "",
    csvRow(["Granskad", "Granskare", "Åtkomst", "Användare", "Händelse", "Skäl", "Utfall", "Kommentar"]),
    ...rows.map((r) =>
      csvRow([
        r.reviewedAt,
        r.reviewer,
        r.accessAt,
        r.user,
        `${r.action ? (ACTION_LABEL[r.action] ?? r.action) : ""}: ${r.what}`,
        r.reasons.map((x) => REASON_LABEL[x]).join(", "),
        OUTCOME_LABEL[r.outcome],
        r.comment,
      ]),
    ),
  ]);
}
