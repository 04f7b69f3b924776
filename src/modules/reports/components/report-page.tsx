import Link from "next/link";
import { PeriodForm } from "@/components/period-inputs";
import { Td, Th } from "@/components/table";
import { UnitSelect } from "@/components/unit-chooser";
import type { Actor } from "@/modules/auth/actor";
import { getUnitReport } from "../lib/unit-report";
import { PERIOD_PRESETS, type PeriodPreset } from "../rules/period";
import type { Figure, Period } from "../rules/report";
import { formatFigure } from "../rules/format-figure";
import { MonthlyChart } from "./monthly-chart";

/** The figures the per-care-manager table shows, in its order. */
const PER_MANAGER = [
  "activeCaseload",
  "enrollments",
  "contactsPerPatient",
  "firstContact14",
  "response12",
  "remission12",
];

const query = (unitId: string, extra: Record<string, string>) =>
  `?${new URLSearchParams({ unitId, ...extra })}`;

/**
 * "Uppföljning": the unit's figures for a period, each with its definition,
 * the months in a chart and a table, one row per care manager, and downloads.
 * Aggregates only: no patient is named anywhere on it.
 */
export async function ReportPage({
  actor,
  unitId,
  period,
  preset,
  error,
  typed,
}: {
  actor: Actor;
  unitId: string;
  period: Period;
  preset: PeriodPreset | null;
  error?: string;
  typed?: { from: string; to: string };
}) {
  const { unit, careManagers } = await getUnitReport({ actor, unitId, period });
  const unitName = actor.units.find((u) => u.id === unitId)?.name ?? "";
  const download = (format: string) =>
    `/uppfoljning/export${query(unitId, { from: period.from, to: period.to, format })}`;
  const research = (kind: string) =>
    `/uppfoljning/forskningsexport${query(unitId, { from: period.from, to: period.to, kind })}`;
  const byKey = (figures: Figure[], key: string) => figures.find((f) => f.key === key)!;
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold">Uppföljning</h1>
        <p className="text-slate-700">
          {unitName} · {period.from} – {period.to}
          {unit.asOf < period.to && ` (räknat till och med ${unit.asOf})`} · {unit.episodes} insatser underlag
        </p>
      </div>

      <section aria-labelledby="period" className="space-y-2 rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="period" className="font-semibold">
          Period
        </h2>
        <ul className="flex flex-wrap gap-2 text-sm">
          {(Object.keys(PERIOD_PRESETS) as PeriodPreset[]).map((p) => (
            <li key={p}>
              <Link
                href={`/uppfoljning${query(unitId, { period: p })}`}
                aria-current={p === preset ? "true" : undefined}
                className="inline-block rounded border border-slate-300 px-2.5 py-1 text-blue-800 aria-[current=true]:border-slate-900 aria-[current=true]:bg-slate-900 aria-[current=true]:text-white"
              >
                {PERIOD_PRESETS[p]}
              </Link>
            </li>
          ))}
        </ul>
        <PeriodForm
          hidden={actor.units.length > 1 ? {} : { unitId }}
          from={typed?.from ?? period.from}
          to={typed?.to ?? period.to}
          error={error}
          primary
        >
          <UnitSelect units={actor.units} unitId={unitId} />
        </PeriodForm>
      </section>

      <section aria-labelledby="figures">
        <div className="mb-2 flex flex-wrap items-baseline justify-between gap-2">
          <h2 id="figures" className="text-lg font-semibold">
            Enhetens resultat
          </h2>
          <p className="text-sm">
            Ladda ned:{" "}
            <a href={download("csv")} className="font-medium text-blue-800 underline">
              CSV
            </a>{" "}
            ·{" "}
            <a href={download("xlsx")} className="font-medium text-blue-800 underline">
              XLSX
            </a>
          </p>
        </div>
        <div className="relative overflow-x-auto rounded-lg border border-slate-200 bg-white">
          <table className="w-full text-sm" data-testid="report-figures">
            <caption className="sr-only">Enhetens resultat för perioden, med hur varje mått räknas</caption>
            <thead className="bg-slate-100 text-left text-slate-700">
              <tr>
                <Th>Mått</Th>
                <Th numeric>Värde</Th>
                <Th numeric>Underlag</Th>
                <Th>Så räknas det</Th>
              </tr>
            </thead>
            <tbody>
              {unit.figures.map((f) => (
                <tr key={f.key} className="border-t border-slate-100 align-top">
                  <th scope="row" className="px-3 py-1.5 text-left font-medium">
                    {f.label}
                  </th>
                  <Td numeric>
                    <span className="font-semibold whitespace-nowrap">{formatFigure(f)}</span>
                  </Td>
                  <Td numeric>
                    {f.kind === "share"
                      ? `${f.numerator} av ${f.denominator}`
                      : f.kind === "ratio"
                        ? `${f.numerator} / ${f.denominator}`
                        : f.kind === "median"
                          ? `${f.denominator} insatser`
                          : ""}
                  </Td>
                  <Td>
                    <span className="text-slate-700">{f.definition}</span>
                  </Td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      <section aria-labelledby="months" className="space-y-2">
        <h2 id="months" className="text-lg font-semibold">
          Per månad
        </h2>
        {unit.months.length > 0 && <MonthlyChart months={unit.months} />}
        <div className="relative overflow-x-auto rounded-lg border border-slate-200 bg-white">
          <table className="w-full text-sm">
            <caption className="sr-only">Inskrivningar och kontakter per månad</caption>
            <thead className="bg-slate-100 text-left text-slate-700">
              <tr>
                <Th>Månad</Th>
                <Th numeric>Inskrivningar</Th>
                <Th numeric>Pågående insatser</Th>
                <Th numeric>Nådda kontakter</Th>
                <Th numeric>Kontakter per patient</Th>
              </tr>
            </thead>
            <tbody>
              {unit.months.map((m) => (
                <tr key={m.month} className="border-t border-slate-100">
                  <Td>
                    {m.month}
                    {m.partial && <span className="text-slate-600"> (del av månaden)</span>}
                  </Td>
                  <Td numeric>{m.enrollments}</Td>
                  <Td numeric>{m.activeEpisodes}</Td>
                  <Td numeric>{m.contacts}</Td>
                  <Td numeric>
                    {m.contactRate === null
                      ? "–"
                      : m.contactRate.toLocaleString("sv-SE", { maximumFractionDigits: 1 })}
                  </Td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      <section
        aria-labelledby="research"
        className="space-y-2 rounded-lg border border-slate-200 bg-white p-4"
      >
        <h2 id="research" className="text-lg font-semibold">
          Forskningsexport (pseudonymiserad)
        </h2>
        <p className="text-sm text-slate-700">
          Insatserna som startade i perioden, och deras kontakter, som CSV för utvärdering och forskning:
          personen som en nyckelad kod (samma person får samma kod i alla exporter), kön och åldersgrupp,
          datum som dagar från insatsens start. Inga namn, personnummer, telefonnummer eller fritext. Varje
          export loggas.
        </p>
        <p className="text-sm">
          <a href={research("episodes")} className="font-medium text-blue-800 underline">
            Insatser (CSV)
          </a>{" "}
          ·{" "}
          <a href={research("contacts")} className="font-medium text-blue-800 underline">
            Kontakter (CSV)
          </a>
        </p>
      </section>

      <section aria-labelledby="managers" className="space-y-2">
        <h2 id="managers" className="text-lg font-semibold">
          Per vårdsamordnare
        </h2>
        {careManagers.length === 0 ? (
          <p className="text-slate-700">Inga insatser i perioden.</p>
        ) : (
          <div className="relative overflow-x-auto rounded-lg border border-slate-200 bg-white">
            <table className="w-full text-sm" data-testid="report-managers">
              <caption className="sr-only">Måtten per vårdsamordnare</caption>
              <thead className="bg-slate-100 text-left text-slate-700">
                <tr>
                  <Th>Vårdsamordnare</Th>
                  {PER_MANAGER.map((k) => (
                    <Th key={k} numeric>
                      {byKey(unit.figures, k).label}
                    </Th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {careManagers.map((cm) => (
                  <tr key={cm.id ?? "none"} className="border-t border-slate-100">
                    <th scope="row" className="px-3 py-1.5 text-left font-medium">
                      {cm.name}
                    </th>
                    {PER_MANAGER.map((k) => (
                      <Td key={k} numeric>
                        {formatFigure(byKey(cm.report.figures, k))}
                      </Td>
                    ))}
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
