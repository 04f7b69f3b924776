import "server-only";
import { todayInStockholm } from "@/lib/dates";
import { isAppError } from "@/lib/errors";
import type { Actor } from "@/modules/auth/actor";
import { currentActor } from "@/modules/auth/lib/current-actor";
import { may } from "@/modules/auth/rules/permissions";
import { parseReportQuery } from "../rules/report-query";
import type { Period } from "../rules/report";

const text = (status: number, body: string) =>
  new Response(body, {
    status,
    headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" },
  });

/**
 * A download of the verksamhetschef's pages (session cookie): the signed-in
 * user, their role, the unit and period of the address (as the report page
 * reads them), then the file; every refusal a short Swedish text with its status.
 */
export async function adminDownload(
  req: Request,
  forbidden: string,
  make: (ctx: {
    actor: Actor;
    unitId: string;
    period: Period;
    params: Record<string, string>;
  }) => Promise<{ body: BodyInit; type: string; filename: string } | { refused: string }>,
): Promise<Response> {
  const actor = await currentActor();
  if (!actor) return text(401, "Logga in igen.");
  if (!may(actor.role, "unit:administer")) return text(403, forbidden);
  const params = Object.fromEntries(new URL(req.url).searchParams);
  const q = parseReportQuery(params, actor.unitIds, todayInStockholm());
  if (!q.unitId) return text(404, "Enheten finns inte.");
  if (q.error) return text(400, q.error);
  try {
    const file = await make({ actor, unitId: q.unitId, period: q.period, params });
    if ("refused" in file) return text(400, file.refused);
    return new Response(file.body, {
      headers: {
        "Content-Type": file.type,
        "Content-Disposition": `attachment; filename="${file.filename}"`,
        "Cache-Control": "no-store",
      },
    });
  } catch (e) {
    if (isAppError(e)) return text(e.status, e.userMessage);
    throw e;
  }
}
