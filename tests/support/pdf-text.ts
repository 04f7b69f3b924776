// The text of each page of a PDF, as a reader would extract it (pdf.js).
import path from "node:path";
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";

// The standard fonts' metrics, for PDFs that use the base-14 fonts without embedding them.
const standardFontDataUrl = `${path.resolve("node_modules/pdfjs-dist/standard_fonts")}/`;

export async function pdfPages(data: Uint8Array): Promise<string[]> {
  const pdf = await getDocument({ data, standardFontDataUrl }).promise;
  const page = async (n: number) =>
    (await (await pdf.getPage(n)).getTextContent()).items.map((i) => ("str" in i ? i.str : "")).join(" ");
  return Promise.all(Array.from({ length: pdf.numPages }, (_, i) => page(i + 1)));
}
