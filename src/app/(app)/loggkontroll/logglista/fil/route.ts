import { formatDateTime } from "@/lib/format";
import { now } from "@/lib/clock";
import { getLogExtract } from "@/modules/access-review/lib/log-extract";
import { logExtractPdf } from "@/modules/access-review/lib/log-extract-pdf";
import { patientIdsOf } from "@/modules/access-review/rules/log-query";
import { logExtractCsv } from "@/modules/access-review/rules/log-extract-csv";
import { ROLE_LABEL } from "@/modules/auth/roles";
import { adminDownload } from "@/modules/reports/lib/admin-download";

export const dynamic = "force-dynamic";

/** The patient's log extract for a period: a PDF (A4), or `format=csv`. Each request is logged. */
export const GET = (req: Request) =>
  adminDownload(req, "Logglistor tas fram av verksamhetschefen.", async ({ actor, period, params }) => {
    const patientIds = patientIdsOf(params.patient);
    if (patientIds.length === 0) return { refused: "Välj en patient." };
    const format = params.format === "csv" ? "csv" : "pdf";
    const extract = await getLogExtract({ actor, patientIds, from: period.from, to: period.to, format });
    const name = `logglista-${period.from}-${period.to}`;
    if (format === "csv")
      return {
        body: logExtractCsv({
          ...extract,
          rows: extract.rows.map((r) => ({ ...r, time: formatDateTime(r.at) })),
        }),
        type: "text/csv; charset=utf-8",
        filename: `${name}.csv`,
      };
    const pdf = await logExtractPdf(extract, {
      producedBy: `${actor.displayName}, ${ROLE_LABEL[actor.role]}`,
      producedAt: now(),
    });
    return { body: new Uint8Array(pdf), type: "application/pdf", filename: `${name}.pdf` };
  });
