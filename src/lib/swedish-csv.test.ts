import { describe, expect, it } from "vitest";
import { csvCell, csvFile, csvRow } from "./swedish-csv";

describe("CSV for Swedish spreadsheets", () => {
  it.each([
    [12.5, "12,5"],
    [-3, "-3"],
    [null, ""],
    ["Lindqvist", "Lindqvist"],
    ["a;b", '"a;b"'],
    ['sa "hej"', '"sa ""hej"""'],
    ['=HYPERLINK("x")', '\'=HYPERLINK(""x"")'],
    ["+46 31", "'+46 31"],
    ["-1+1", "'-1+1"],
    ["@SUM(A1)", "'@SUM(A1)"],
  ] as const)("%j → %s", (value, cell) => {
    const out = csvCell(value);
    // A quoted cell: compare what is inside the quotes.
    expect(out.startsWith('"') && !cell.startsWith('"') ? out.slice(1, -1) : out).toBe(cell);
  });

  it("joins with semicolons, CRLF, and starts with a byte-order mark", () => {
    expect(csvFile([csvRow(["a", 1]), csvRow(["b", 2.5])])).toBe("\uFEFFa;1\r\nb;2,5\r\n");
  });
});
