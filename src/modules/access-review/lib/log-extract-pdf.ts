import "server-only";
// The log extract as a PDF on A4, in Swedish, for the patient: who (full name
// and role), where (unit), when, and what kind of access, oldest first, with
// a header repeated on each page and "Sida x av y" at the foot. pdfkit with
// its built-in Helvetica (WinAnsi covers å, ä, ö and é).
import PDFDocument from "pdfkit";
import { formatDateTime } from "@/lib/format";
import { ROLE_LABEL } from "@/modules/auth/roles";
import { formatPersonnummer } from "@/modules/clinical/rules/format";
import { ACTION_LABEL } from "../rules/describe";
import type { LogExtract } from "./log-extract";

const MARGIN = 50;
const COLUMNS = [
  { title: "Tid", width: 88 },
  { title: "Vårdenhet", width: 108 },
  { title: "Användare", width: 105 },
  { title: "Roll", width: 82 },
  { title: "Händelse", width: 112 },
] as const;

export function logExtractPdf(
  extract: LogExtract,
  { producedBy, producedAt }: { producedBy: string; producedAt: Date },
): Promise<Buffer> {
  const doc = new PDFDocument({
    size: "A4",
    margin: MARGIN,
    bufferPages: true,
    info: { Title: "Logglista", Author: "Samvård", Subject: "Logglista enligt patientdatalagen" },
    lang: "sv-SE",
  } as PDFKit.PDFDocumentOptions);
  const chunks: Buffer[] = [];
  doc.on("data", (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => doc.on("end", () => resolve(Buffer.concat(chunks))));

  doc.font("Helvetica-Bold").fontSize(16).text("Logglista");
  doc.moveDown(0.3).font("Helvetica").fontSize(10);
  for (const p of extract.patients)
    doc.text(`Patient: ${p.familyName}, ${p.givenName}, ${formatPersonnummer(p.personnummer)}`);
  doc.text(`Period: ${extract.period.from} – ${extract.period.to}`);
  doc.text(`Framtagen ${formatDateTime(producedAt)} av ${producedBy}`);
  doc
    .moveDown(0.5)
    .fontSize(9)
    .fillColor("#333333")
    .text(
      "Listan visar vem som har tagit del av eller ändrat uppgifter om dig i Samvård under perioden: tid, vårdenhet, " +
        "användarens namn och roll och vilken sorts uppgift det gällde. Vill du veta mer, eller tycker du att någon " +
        "har läst utan anledning, kontakta vårdenheten.",
      { width: doc.page.width - 2 * MARGIN },
    )
    .fillColor("black");
  doc.moveDown(0.8);

  const header = () => {
    const y = doc.y;
    let x = MARGIN;
    doc.font("Helvetica-Bold").fontSize(9);
    for (const c of COLUMNS) {
      doc.text(c.title, x, y, { width: c.width - 6 });
      x += c.width;
    }
    doc
      .moveTo(MARGIN, doc.y + 2)
      .lineTo(doc.page.width - MARGIN, doc.y + 2)
      .lineWidth(0.5)
      .stroke();
    doc.y += 5;
    doc.font("Helvetica").fontSize(9);
  };

  if (extract.rows.length === 0) {
    doc.fontSize(10).text("Ingen har tagit del av uppgifterna under perioden.", MARGIN);
  } else {
    header();
    for (const r of extract.rows) {
      const cells = [
        formatDateTime(r.at),
        r.unit,
        r.user,
        r.role ? ROLE_LABEL[r.role] : "",
        `${ACTION_LABEL[r.action] ?? r.action}: ${r.what}`,
      ];
      const height = Math.max(
        ...cells.map((text, i) => doc.heightOfString(text, { width: COLUMNS[i]!.width - 6 })),
      );
      if (doc.y + height > doc.page.height - MARGIN - 20) {
        doc.addPage();
        header();
      }
      const y = doc.y;
      let x = MARGIN;
      cells.forEach((text, i) => {
        doc.text(text, x, y, { width: COLUMNS[i]!.width - 6 });
        x += COLUMNS[i]!.width;
      });
      doc.y = y + height + 3;
    }
  }

  const range = doc.bufferedPageRange();
  for (let i = 0; i < range.count; i++) {
    doc.switchToPage(range.start + i);
    // In the bottom margin: without this, pdfkit would start a new page for the footer.
    doc.page.margins.bottom = 0;
    doc
      .fontSize(8)
      .fillColor("#555555")
      .text(`Samvård · Logglista · Sida ${i + 1} av ${range.count}`, MARGIN, doc.page.height - MARGIN + 10, {
        width: doc.page.width - 2 * MARGIN,
        align: "center",
        lineBreak: false,
      });
  }
  doc.end();
  return done;
}
