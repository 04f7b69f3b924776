import { todayInStockholm } from "@/lib/dates";
import { isAppError } from "@/lib/errors";
import { currentActor } from "@/modules/auth/lib/current-actor";
import { may } from "@/modules/auth/rules/permissions";
import { getUnitReport } from "@/modules/reports/lib/unit-report";
import { reportXlsx } from "@/modules/reports/lib/report-xlsx";
import { reportCsv } from "@/modules/reports/rules/report-csv";
import { parseReportQuery } from "@/modules/reports/rules/report-query";

export const dynamic = "force-dynamic";

const text = (status: number, body: string) =>
  new Response(body, {
    status,
    headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" },
  });

/** The report page's downloads (CSV, or `format=xlsx`), for the signed-in verksamhetschef (session cookie). */
export async function GET(req: Request) {
  const actor = await currentActor();
  if (!actor) return text(401, "Logga in igen.");
  if (!may(actor.role, "unit:administer")) return text(403, "Uppföljningen är verksamhetschefens.");
  const params = Object.fromEntries(new URL(req.url).searchParams);
  const q = parseReportQuery(params, actor.unitIds, todayInStockholm());
  if (!q.unitId) return text(404, "Enheten finns inte.");
  if (q.error) return text(400, q.error);
  try {
    const { unit, careManagers } = await getUnitReport({ actor, unitId: q.unitId, period: q.period });
    const unitName = actor.units.find((u) => u.id === q.unitId)?.name ?? "";
    const name = `uppfoljning-${q.period.from}-${q.period.to}`;
    const xlsx = params.format === "xlsx";
    const body = xlsx
      ? new Uint8Array(await reportXlsx(unitName, unit, careManagers))
      : reportCsv(unitName, unit, careManagers);
    return new Response(body, {
      headers: {
        "Content-Type": xlsx
          ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          : "text/csv; charset=utf-8",
        "Content-Disposition": `attachment; filename="${name}.${xlsx ? "xlsx" : "csv"}"`,
        "Cache-Control": "no-store",
      },
    });
  } catch (e) {
    if (isAppError(e)) return text(e.status, e.userMessage);
    throw e;
  }
}
