import type { Adherence } from "@/modules/clinical/rules/adherence";

/** Method adherence (the VGR method) as figures with words; a shortfall is said, not only coloured. */
export function AdherenceSummary({ adherence, week }: { adherence: Adherence; week: number | null }) {
  const { physical, weeks, scores } = adherence;
  return (
    <section
      aria-labelledby="adherence"
      className="rounded-lg border border-slate-200 bg-white p-4"
      data-testid="adherence"
    >
      <h2 id="adherence" className="mb-2 text-lg font-semibold">
        Metodföljsamhet
      </h2>
      <dl className="space-y-2 text-sm">
        <div>
          <dt className="text-slate-600">Fysiska besök</dt>
          <dd className="font-medium tabular-nums">
            {physical.done} av {physical.target}
            {physical.shortfall && (
              <span className="ml-2 font-normal text-amber-900">● saknas från vecka 12</span>
            )}
          </dd>
        </div>
        <div>
          <dt className="text-slate-600">Veckor med kontakt</dt>
          <dd className="font-medium tabular-nums">
            {weeks.counted === 0 ? "–" : `${weeks.withContact} av ${weeks.counted}`}
            {weeks.missed.length > 0 && (
              <span className="ml-2 font-normal text-amber-900">
                ● utan kontakt: v. {weeks.missed.join(", ")}
              </span>
            )}
          </dd>
        </div>
        <div>
          <dt className="text-slate-600">MADRS-S vid nådda kontakter</dt>
          <dd className="font-medium tabular-nums">
            {scores.reached === 0 ? "–" : `${scores.scored} av ${scores.reached}`}
          </dd>
        </div>
      </dl>
      {week !== null && week > 12 && (
        <p className="mt-2 text-xs text-slate-600">Räknat över de tolv veckorna.</p>
      )}
    </section>
  );
}
