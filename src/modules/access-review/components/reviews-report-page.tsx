import { PeriodForm } from "@/components/period-inputs";
import { Th } from "@/components/table";
import { UnitChooser } from "@/components/unit-chooser";
import { formatDateTime } from "@/lib/format";
import type { Actor } from "@/modules/auth/actor";
import type { Period } from "@/modules/reports/rules/report";
import { listLogReviews } from "../lib/review-selection";
import { ACTION_LABEL } from "../rules/describe";
import { OUTCOME_LABEL } from "../rules/reviews-csv";
import { REASON_LABEL } from "../rules/selection";
import { LogNav } from "./log-nav";

/** "Genomförda granskningar": the documented checks of a period, as a report with a CSV download. */
export async function ReviewsReportPage({
  actor,
  unitId,
  period,
  error,
  typed,
}: {
  actor: Actor;
  unitId: string;
  period: Period;
  error?: string;
  typed?: { from: string; to: string };
}) {
  const rows = await listLogReviews({ actor, unitId, from: period.from, to: period.to });
  const followUps = rows.filter((r) => r.outcome === "FOLLOW_UP").length;
  const csv = `/loggkontroll/granskningar/export?${new URLSearchParams({ unitId, from: period.from, to: period.to })}`;
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold">Loggkontroll</h1>
        <p className="text-slate-700">
          De granskningar som gjorts, med utfall och kommentar: underlag för uppföljning och tillsyn.
        </p>
      </div>
      <LogNav current="/loggkontroll/granskningar" unitId={unitId} />
      <UnitChooser units={actor.units} unitId={unitId} path="/loggkontroll/granskningar" />
      <PeriodForm
        hidden={{ unitId }}
        from={typed?.from ?? period.from}
        to={typed?.to ?? period.to}
        error={error}
      />
      <section aria-labelledby="done" className="space-y-2">
        <div className="flex flex-wrap items-baseline justify-between gap-2">
          <h2 id="done" className="text-lg font-semibold">
            {rows.length} granskningar {period.from} – {period.to}, {followUps} behöver följas upp
          </h2>
          <a href={csv} className="text-sm text-blue-800 underline" download>
            Ladda ned som CSV
          </a>
        </div>
        {rows.length === 0 ? (
          <p className="text-slate-600">
            Inga granskningar gjorda i perioden. Granska under fliken Granskning.
          </p>
        ) : (
          <div className="relative overflow-x-auto">
            <table
              className="w-full rounded-lg border border-slate-200 bg-white text-sm"
              data-testid="reviews-report"
            >
              <thead>
                <tr className="text-left text-slate-600">
                  <Th>Granskad</Th>
                  <Th>Granskare</Th>
                  <Th>Åtkomst</Th>
                  <Th>Användare</Th>
                  <Th>Händelse</Th>
                  <Th>Skäl</Th>
                  <Th>Utfall</Th>
                  <Th>Kommentar</Th>
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <tr key={r.id} className="border-t border-slate-100 align-top">
                    <td className="whitespace-nowrap px-3 py-1.5 tabular-nums">
                      {formatDateTime(r.reviewedAt)}
                    </td>
                    <td className="px-3 py-1.5">{r.reviewer}</td>
                    <td className="whitespace-nowrap px-3 py-1.5 tabular-nums">
                      {formatDateTime(r.accessAt)}
                    </td>
                    <td className="px-3 py-1.5">{r.user}</td>
                    <td className="px-3 py-1.5">
                      {r.action ? (ACTION_LABEL[r.action] ?? r.action) : ""}: {r.what}
                    </td>
                    <td className="px-3 py-1.5">{r.reasons.map((x) => REASON_LABEL[x]).join(", ")}</td>
                    <td className="px-3 py-1.5 font-medium">{OUTCOME_LABEL[r.outcome]}</td>
                    <td className="px-3 py-1.5">{r.comment}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </div>
  );
}
