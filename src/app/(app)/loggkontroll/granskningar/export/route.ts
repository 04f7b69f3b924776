import { formatDateTime } from "@/lib/format";
import { listLogReviews } from "@/modules/access-review/lib/review-selection";
import { reviewsCsv } from "@/modules/access-review/rules/reviews-csv";
import { adminDownload } from "@/modules/reports/lib/admin-download";

export const dynamic = "force-dynamic";

/** The performed log reviews of a period as CSV. */
export const GET = (req: Request) =>
  adminDownload(req, "Loggkontrollen görs av verksamhetschefen.", async ({ actor, unitId, period }) => {
    const rows = await listLogReviews({ actor, unitId, from: period.from, to: period.to });
    const unitName = actor.units.find((u) => u.id === unitId)?.name ?? "";
    return {
      body: reviewsCsv(
        unitName,
        period,
        rows.map((r) => ({
          ...r,
          reviewedAt: formatDateTime(r.reviewedAt),
          accessAt: formatDateTime(r.accessAt),
        })),
      ),
      type: "text/csv; charset=utf-8",
      filename: `logggranskningar-${period.from}-${period.to}.csv`,
    };
  });
