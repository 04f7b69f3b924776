// CSV for Swedish spreadsheets: semicolons between fields, decimal commas, a
// byte-order mark so that Excel reads UTF-8, CRLF line ends, a field quoted only when it must be.
export type CsvValue = string | number | null;

/**
 * A text that a spreadsheet would take for a formula (=, +, -, @, a tab or a
 * carriage return first) gets a leading apostrophe: names and comments typed
 * by users must not run as formulas when a file is opened (CSV injection).
 */
const FORMULA = /^[=+\-@\t\r]/;

export const csvCell = (v: CsvValue): string => {
  const s =
    v === null ? "" : typeof v === "number" ? String(v).replace(".", ",") : FORMULA.test(v) ? `'${v}` : v;
  return /[";\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

export const csvRow = (values: readonly CsvValue[]): string => values.map(csvCell).join(";");

/** The file: a byte-order mark, then the lines. */
export const csvFile = (lines: readonly string[]): string => `\uFEFF${lines.join("\r\n")}\r\n`;
