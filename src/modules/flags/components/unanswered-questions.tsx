import Link from "next/link";
import { formatDateTime } from "@/lib/format";
import { formatPersonnummer } from "@/modules/clinical/rules/format";
import type { UnansweredQuestion } from "../lib/unanswered-questions";

/** The questions waiting for the psychiatrist, each linking to where it is answered. */
export function UnansweredQuestions({
  items,
  unitName,
}: {
  items: readonly UnansweredQuestion[];
  unitName: (unitId: string) => string;
}) {
  return (
    <section id="fragor" aria-labelledby="fragor-rubrik">
      <h2 id="fragor-rubrik" className="mb-2 text-lg font-semibold">
        Obesvarade frågor ({items.length})
      </h2>
      {items.length === 0 ? (
        <p className="text-slate-700">Inga frågor väntar på svar.</p>
      ) : (
        <ul className="space-y-2 text-sm">
          {items.map((q) => (
            <li key={q.requestId} className="rounded border border-slate-200 bg-white p-3">
              <p>
                <Link
                  href={`/insatser/${q.episodeId}#review`}
                  className="font-medium text-blue-800 underline-offset-2 hover:underline"
                >
                  {q.patient.familyName}, {q.patient.givenName}
                </Link>{" "}
                <span className="text-xs text-slate-600 tabular-nums">
                  {formatPersonnummer(q.patient.personnummer)} · {unitName(q.unitId)}
                  {!q.episodeOpen && " · insatsen är avslutad"}
                </span>
              </p>
              <p className="text-xs text-slate-600">
                {q.by}, {formatDateTime(q.requestedAt)}
              </p>
              <p className="mt-1 whitespace-pre-line">{q.question}</p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
