import { CONTACT_TYPE_LABEL, COUNTERPART_LABEL, NOT_REACHED_LABEL, SELF_REPORT_NOTE } from "@/lib/vocabulary";
import { formatDateTime } from "@/lib/format";
import { LIVSLUST_INDEX, SEVERITY_LABEL, severityBand } from "@/modules/clinical/rules/madrs";
import { CopyJournalText } from "@/modules/contacts/components/copy-journal-text";
import type { PatientRecord } from "../lib/get-patient-record";

type Contact = NonNullable<PatientRecord["current"]>["contacts"][number];

/** Every contact, newest first: attempts and contacts with other actors too, each with its journal text. */
export function ContactTimeline({ contacts }: { contacts: readonly Contact[] }) {
  return (
    <section aria-labelledby="kontakter-rubrik" id="kontakter">
      <h2 id="kontakter-rubrik" className="mb-2 text-lg font-semibold">
        Kontakter
      </h2>
      {contacts.length === 0 ? (
        <p className="text-slate-700">Inga kontakter registrerade ännu.</p>
      ) : (
        <ol className="space-y-2" data-testid="contacts">
          {contacts.map((c) => (
            <li key={c.id} className="rounded border border-slate-200 bg-white p-3 text-sm">
              <div className="flex flex-wrap items-baseline justify-between gap-2">
                <p>
                  <span className="font-medium tabular-nums">
                    {c.date}
                    {c.time && ` ${c.time}`}
                  </span>{" "}
                  · {CONTACT_TYPE_LABEL[c.type]}
                  {c.counterpart !== "PATIENT" && ` · ${COUNTERPART_LABEL[c.counterpart]}`}
                  {c.type === "SELF_REPORT" ? (
                    // The patient's own answers through a link: not a conversation, not checked by anyone.
                    <span className="ml-1 rounded border border-blue-300 bg-blue-50 px-1.5 py-0.5 text-xs font-medium text-blue-950">
                      {SELF_REPORT_NOTE}
                    </span>
                  ) : (
                    !c.reached && (
                      <span className="ml-1 rounded bg-slate-200 px-1.5 py-0.5 text-xs font-medium">
                        {NOT_REACHED_LABEL}
                      </span>
                    )
                  )}
                  {c.durationMinutes !== null && ` · ${c.durationMinutes} min`}
                </p>
                <CopyJournalText text={c.journalText} />
              </div>
              {c.madrsS && c.madrsSTotal !== null && (
                <p className="mt-1">
                  MADRS-S <strong className="tabular-nums">{c.madrsSTotal}</strong> (
                  {SEVERITY_LABEL[severityBand(c.madrsSTotal)]}) · Livslust{" "}
                  <strong className="tabular-nums">{c.madrsS[LIVSLUST_INDEX]}</strong>
                  <span className="ml-2 text-slate-600 tabular-nums">[{c.madrsS.join(" ")}]</span>
                </p>
              )}
              {c.selfReport && (
                <p className="mt-1">
                  Utgick från patientens självskattning {c.selfReport.date}:{" "}
                  <strong className="tabular-nums">{c.selfReport.total} p</strong> (frågorna upprepades inte)
                </p>
              )}
              {c.note && <p className="mt-1 whitespace-pre-line text-slate-800">{c.note}</p>}
              <p className="mt-1 text-xs text-slate-600">
                {c.nextPlannedDate && <>Nästa planerade kontakt {c.nextPlannedDate} · </>}
                {c.type === "SELF_REPORT"
                  ? "Skickad av patienten via länk"
                  : `Registrerad av ${c.author}`}{" "}
                {formatDateTime(new Date(c.recordedAt))}
              </p>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
