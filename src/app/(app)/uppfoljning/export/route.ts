import { adminDownload } from "@/modules/reports/lib/admin-download";
import { reportXlsx } from "@/modules/reports/lib/report-xlsx";
import { getUnitReport } from "@/modules/reports/lib/unit-report";
import { reportCsv } from "@/modules/reports/rules/report-csv";

export const dynamic = "force-dynamic";

/** The report page's downloads: CSV, or `format=xlsx`. */
export const GET = (req: Request) =>
  adminDownload(req, "Uppföljningen är verksamhetschefens.", async ({ actor, unitId, period, params }) => {
    const { unit, careManagers } = await getUnitReport({ actor, unitId, period });
    const unitName = actor.units.find((u) => u.id === unitId)?.name ?? "";
    const name = `uppfoljning-${period.from}-${period.to}`;
    return params.format === "xlsx"
      ? {
          body: new Uint8Array(await reportXlsx(unitName, unit, careManagers)),
          type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
          filename: `${name}.xlsx`,
        }
      : {
          body: reportCsv(unitName, unit, careManagers),
          type: "text/csv; charset=utf-8",
          filename: `${name}.csv`,
        };
  });
