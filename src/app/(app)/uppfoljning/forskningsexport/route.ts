import { researchExport } from "@/modules/research/lib/research-export";
import { adminDownload } from "@/modules/reports/lib/admin-download";

export const dynamic = "force-dynamic";

/** The pseudonymised research export (`kind=episodes` or `kind=contacts`) of the report's unit and period, as CSV. */
export const GET = (req: Request) =>
  adminDownload(
    req,
    "Forskningsexporten görs av verksamhetschefen.",
    async ({ actor, unitId, period, params }) => {
      const kind = params.kind === "contacts" || params.kind === "episodes" ? params.kind : null;
      if (!kind) return { refused: "Välj insatser eller kontakter." };
      return {
        body: await researchExport({ actor, unitId, period, kind }),
        type: "text/csv; charset=utf-8",
        filename: `samvard-${kind}-${period.from}-${period.to}.csv`,
      };
    },
  );
