import { ScoreChart } from "@/components/charts/score-chart";
import type { ScorePoint } from "@/components/charts/sparkline";
import type { Trend } from "@/modules/clinical/rules/early-improvement";
import { Td, Th } from "@/components/table";
import type { RuleSettings } from "@/modules/clinical/rules/settings";
import { SEVERITY_LABEL, severityBand } from "@/modules/clinical/rules/madrs";

/** The MADRS-S chart with the same scores as a table beside it (screen readers, print). */
export function ScoreSection({
  scores,
  asOfDay,
  baseline,
  settings,
  name,
  trend = null,
}: {
  scores: readonly ScorePoint[];
  asOfDay: number;
  baseline: number | null;
  settings: RuleSettings;
  name: string;
  /** The trend line to week 12, when there are enough scores. */
  trend?: Trend | null;
}) {
  return (
    <section aria-labelledby="scores">
      <h2 id="scores" className="mb-2 text-lg font-semibold">
        MADRS-S över tid
      </h2>
      {scores.length === 0 ? (
        <p className="text-slate-700">
          Inga skattningar ännu. Registrera en kontakt med MADRS-S för att se kurvan.
        </p>
      ) : (
        <div className="grid items-start gap-4 xl:grid-cols-[1fr_19rem]">
          <div className="rounded-lg border border-slate-200 bg-white p-2">
            <ScoreChart
              scores={scores}
              asOfDay={asOfDay}
              baseline={baseline}
              responsePercent={settings.responsePercent}
              remissionMaxTotal={settings.remissionMaxTotal}
              remissionMinBaseline={settings.remissionMinBaseline}
              title={`MADRS-S för ${name}: ${scores.length} skattningar, den senaste ${scores.at(-1)!.total}`}
              trend={trend}
            />
            {scores.some((p) => p.selfReported) && (
              <p className="px-2 pb-1 text-xs text-slate-600">
                Ofylld punkt: självskattning via länk (patientrapporterad, ej verifierad).
              </p>
            )}
            {trend && (
              <p className="px-2 pb-1 text-xs text-slate-600" data-testid="trend-help">
                Streckad linje: trenden genom patientens egna {trend.scores} skattningar (minsta kvadrat på
                log-skala), förlängd till vecka 12, med ett band där 95 % av nästa skattningar skulle hamna om
                förloppet fortsatte som hittills. En trend, inte en prognos: den vet inget om behandling,
                händelser eller självskattningens osäkerhet.
              </p>
            )}
          </div>
          <table
            className="w-full rounded-lg border border-slate-200 bg-white text-sm"
            data-testid="score-table"
          >
            <caption className="px-3 py-1 text-left text-slate-600">Skattningarna som tabell</caption>
            <thead className="bg-slate-100 text-left text-slate-700">
              <tr>
                <Th>Datum</Th>
                <Th numeric>Vecka</Th>
                <Th numeric>Summa</Th>
                <Th>Grad</Th>
              </tr>
            </thead>
            <tbody>
              {scores.map((p, i) => (
                <tr key={`${p.date}-${i}`} className="border-t border-slate-100 whitespace-nowrap">
                  <Td>
                    <span className="tabular-nums">{p.date}</span>
                  </Td>
                  <Td numeric>{Math.floor(p.day / 7) + 1}</Td>
                  <Td numeric>{p.total}</Td>
                  <Td>
                    {SEVERITY_LABEL[severityBand(p.total)]}
                    {p.selfReported && <span className="block text-xs text-slate-600">självskattning</span>}
                  </Td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
