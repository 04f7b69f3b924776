import Link from "next/link";
import { PeriodForm } from "@/components/period-inputs";
import type { Actor } from "@/modules/auth/actor";
import { formatPersonnummer } from "@/modules/clinical/rules/format";
import { getExtractSubjects } from "../lib/log-extract";
import type { LogQuery } from "../rules/log-query";
import { LogNav } from "./log-nav";
import { PatientLogForm } from "./patient-log-form";

/**
 * "Logglista till patient": a patient asks who has read their records. Pick
 * the patient by number (in the request body), then the period, then the
 * PDF or the CSV; each download is logged for the patient.
 */
export async function LogExtractPage({ actor, query }: { actor: Actor; query: LogQuery }) {
  const subjects =
    query.patientIds.length > 0 ? await getExtractSubjects({ actor, patientIds: query.patientIds }) : [];
  const file = (format: string) =>
    `/loggkontroll/logglista/fil?${new URLSearchParams({
      patient: subjects.map((s) => s.id).join(","),
      from: query.from,
      to: query.to,
      format,
    })}`;
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold">Loggkontroll</h1>
        <p className="max-w-3xl text-slate-700">
          En patient har rätt att få veta vem som tagit del av uppgifterna om hen. Logglistan visar tid,
          vårdenhet, användarens namn och roll och vilken sorts uppgift det gällde, aldrig själva uppgifterna.
          Varje logglista som tas fram loggas.
        </p>
      </div>
      <LogNav current="/loggkontroll/logglista" />
      {subjects.length === 0 ? (
        <section
          aria-labelledby="who"
          className="max-w-2xl space-y-2 rounded-lg border border-slate-200 bg-white p-4"
        >
          <h2 id="who" className="font-semibold">
            Vilken patient?
          </h2>
          <PatientLogForm then="extract" />
        </section>
      ) : (
        <section
          aria-labelledby="extract"
          className="max-w-3xl space-y-4 rounded-lg border border-slate-200 bg-white p-4"
        >
          <div className="flex flex-wrap items-baseline justify-between gap-2">
            <h2 id="extract" className="text-lg font-semibold">
              Logglista för{" "}
              {subjects
                .map((s) => `${s.familyName}, ${s.givenName} (${formatPersonnummer(s.personnummer)})`)
                .join("; ")}
            </h2>
            <Link href="/loggkontroll/logglista" className="text-sm text-blue-800 underline">
              Välj en annan patient
            </Link>
          </div>
          <PeriodForm
            hidden={{ patient: subjects.map((s) => s.id).join(",") }}
            from={query.typed?.from ?? query.from}
            to={query.typed?.to ?? query.to}
            error={query.error}
            submit="Ändra period"
          />
          <p className="text-sm text-slate-700">
            Period {query.from} – {query.to}.
          </p>
          <div className="flex flex-wrap gap-3">
            <a
              href={file("pdf")}
              download
              className="rounded bg-brand-700 px-3 py-1.5 text-sm font-medium text-white hover:bg-brand-800"
            >
              Ladda ned logglista (PDF)
            </a>
            <a
              href={file("csv")}
              download
              className="rounded border border-slate-400 bg-white px-3 py-1.5 text-sm font-medium hover:bg-slate-50"
            >
              Ladda ned som CSV
            </a>
          </div>
        </section>
      )}
    </div>
  );
}
