import Link from "next/link";
import { ScoreChart } from "@/components/charts/score-chart";
import type { Actor } from "@/modules/auth/actor";
import { FLAG_LABEL } from "@/modules/clinical/rules/flags";
import { formatPersonnummer, formatChange } from "@/modules/clinical/rules/format";
import { getVisit } from "../lib/get-visit";
import { VISIT_ITEM_KIND_LABEL } from "../rules/item-kinds";
import { PrintButton } from "./print-button";

/**
 * The visit's agenda for A4 paper: the unit and date at the top, then one
 * page per patient (name, personnummer, week, baseline → latest, the chart,
 * the open flags and why, the question asked), with no navigation chrome.
 */
export async function VisitPrint({ actor, visitId }: { actor: Actor; visitId: string }) {
  const visit = await getVisit({ actor, visitId });
  return (
    <div className="mx-auto max-w-[180mm] bg-white p-6 text-[11pt] text-black print:p-0">
      <div className="mb-4 flex items-center justify-between gap-3 print:hidden">
        <Link href={`/konsultbesok/${visit.id}`} className="text-blue-800 underline">
          Tillbaka till besöket
        </Link>
        <PrintButton />
      </div>
      <header className="border-b border-slate-400 pb-2">
        <h1 className="text-xl font-semibold">
          Konsultbesök {visit.date} – {visit.unitName}
        </h1>
        <p>
          {visit.psychiatrist} · dagordning med {visit.items.length}{" "}
          {visit.items.length === 1 ? "patient" : "patienter"}
        </p>
        <ol className="mt-2 list-decimal pl-6 text-sm">
          {visit.items.map((item) => (
            <li key={item.id}>
              {item.time && `${item.time} `}
              {item.patient.familyName}, {item.patient.givenName} – {VISIT_ITEM_KIND_LABEL[item.kind]}
            </li>
          ))}
        </ol>
      </header>
      {visit.items.map((item, index) => {
        const e = item.evaluation;
        const name = `${item.patient.givenName} ${item.patient.familyName}`;
        return (
          <section
            key={item.id}
            aria-label={name}
            className="break-before-page pt-4"
            data-testid="print-patient"
          >
            <p className="text-xs text-slate-600">
              Konsultbesök {visit.date} – {visit.unitName} · {index + 1} av {visit.items.length}
            </p>
            <h2 className="text-lg font-semibold">
              {index + 1}. {name}{" "}
              <span className="font-normal tabular-nums">
                {formatPersonnummer(item.patient.personnummer)}
              </span>
            </h2>
            <p>
              {VISIT_ITEM_KIND_LABEL[item.kind]}
              {item.time && ` kl. ${item.time}`} · vecka {e.week ?? "–"} · MADRS-S {e.baseline ?? "–"} →{" "}
              {e.latest ?? "–"}
              {e.reduction !== null && ` (${formatChange(e.reduction)})`} · läkare {item.gp ?? "–"} ·
              vårdsamordnare {item.careManager ?? "–"}
            </p>
            {item.scores.length > 0 && (
              <div className="my-2">
                <ScoreChart
                  scores={item.scores}
                  asOfDay={e.daysInTreatment}
                  baseline={e.baseline}
                  responsePercent={visit.settings.responsePercent}
                  remissionMaxTotal={visit.settings.remissionMaxTotal}
                  remissionMinBaseline={visit.settings.remissionMinBaseline}
                  title={`MADRS-S för ${name}`}
                />
              </div>
            )}
            <h3 className="font-semibold">Öppna flaggor per {visit.date}</h3>
            {e.flags.length === 0 ? (
              <p>Inga.</p>
            ) : (
              <ul className="list-disc pl-6">
                {e.flags.map((f) => (
                  <li key={f.code}>
                    <strong>{FLAG_LABEL[f.code]}</strong>: {f.reason}
                  </li>
                ))}
              </ul>
            )}
            {item.question && (
              <p className="mt-2">
                <strong>Fråga till psykiatern:</strong> {item.question.question}
              </p>
            )}
            <div className="mt-4 h-24 border border-dashed border-slate-400 p-2 text-xs text-slate-600">
              Anteckningar
            </div>
          </section>
        );
      })}
    </div>
  );
}
