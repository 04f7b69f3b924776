import { todayInStockholm } from "@/lib/dates";
import { isAppError } from "@/lib/errors";
import { currentActor } from "@/modules/auth/lib/current-actor";
import { may } from "@/modules/auth/rules/permissions";
import { researchExport } from "@/modules/research/lib/research-export";
import { parseReportQuery } from "@/modules/reports/rules/report-query";

export const dynamic = "force-dynamic";

const text = (status: number, body: string) =>
  new Response(body, {
    status,
    headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" },
  });

/** The pseudonymised research export (`kind=episodes` or `kind=contacts`) of the report's unit and period, as CSV. */
export async function GET(req: Request) {
  const actor = await currentActor();
  if (!actor) return text(401, "Logga in igen.");
  if (!may(actor.role, "unit:administer")) return text(403, "Forskningsexporten görs av verksamhetschefen.");
  const params = Object.fromEntries(new URL(req.url).searchParams);
  const kind = params.kind === "contacts" ? "contacts" : params.kind === "episodes" ? "episodes" : null;
  if (!kind) return text(400, "Välj insatser eller kontakter.");
  const q = parseReportQuery(params, actor.unitIds, todayInStockholm());
  if (!q.unitId) return text(404, "Enheten finns inte.");
  if (q.error) return text(400, q.error);
  try {
    const body = await researchExport({ actor, unitId: q.unitId, period: q.period, kind });
    return new Response(body, {
      headers: {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": `attachment; filename="samvard-${kind}-${q.period.from}-${q.period.to}.csv"`,
        "Cache-Control": "no-store",
      },
    });
  } catch (e) {
    if (isAppError(e)) return text(e.status, e.userMessage);
    throw e;
  }
}
