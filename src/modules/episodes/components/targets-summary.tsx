import { formatReduction } from "@/modules/clinical/rules/format";
import { SEVERITY_LABEL, severityBand } from "@/modules/clinical/rules/madrs";
import type { EpisodeView } from "../lib/episode-view";

/** Baseline, latest, reduction and the targets, in domain.md's words. */
export function TargetsSummary({
  episode,
  responsePercent,
  noEarlyImprovement = false,
}: {
  episode: EpisodeView;
  responsePercent: number;
  /** The advisory signal of days 14–41 (domain.md, "Early improvement"): for the care manager and the GP. */
  noEarlyImprovement?: boolean;
}) {
  const yes = (v: boolean) => (v ? "Ja" : "Nej");
  const band = (total: number | null) => (total === null ? "" : ` (${SEVERITY_LABEL[severityBand(total)]})`);
  return (
    <section aria-labelledby="targets" className="rounded-lg border border-slate-200 bg-white p-4">
      <h2 id="targets" className="mb-2 text-lg font-semibold">
        Mål
      </h2>
      <dl className="grid grid-cols-2 gap-x-6 gap-y-2 text-sm sm:grid-cols-3">
        <div>
          <dt className="text-slate-600">Utgångsvärde</dt>
          <dd className="font-medium tabular-nums">
            {episode.baseline ?? "Saknas"}
            {band(episode.baseline)}
          </dd>
        </div>
        <div>
          <dt className="text-slate-600">Senaste</dt>
          <dd className="font-medium tabular-nums">
            {episode.latest ?? "–"}
            {band(episode.latest)}
          </dd>
        </div>
        <div>
          <dt className="text-slate-600">Minskning</dt>
          <dd className="font-medium tabular-nums">{formatReduction(episode.reduction)}</dd>
        </div>
        <div>
          <dt className="text-slate-600">Behandlingssvar (≥ {responsePercent} %)</dt>
          <dd className="font-medium">{yes(episode.response)}</dd>
        </div>
        <div>
          <dt className="text-slate-600">Delvis svar</dt>
          <dd className="font-medium">{yes(episode.partialResponse)}</dd>
        </div>
        <div>
          <dt className="text-slate-600">Remission</dt>
          <dd className="font-medium">{yes(episode.remission)}</dd>
        </div>
      </dl>
      {noEarlyImprovement && (
        <div
          className="mt-3 rounded border border-blue-300 bg-blue-50 p-2 text-sm text-blue-950"
          data-testid="early-improvement"
        >
          <p className="font-medium">
            <span aria-hidden="true">ℹ </span>Ingen tidig förbättring
          </p>
          <p>
            Senaste skattningen är mindre än 20 % under utgångsvärdet, vecka 3–6. Utebliven tidig förbättring
            talar ganska väl för att behandlingssvar dröjer; det är ett råd att se över insatsen, inte en
            flagga och inte ett besked (inte prövat för MADRS-S i samarbetsvård).
          </p>
        </div>
      )}
    </section>
  );
}
