import Link from "next/link";
import { formatDateTime } from "@/lib/format";
import { Td, Th } from "@/components/table";
import type { Actor } from "@/modules/auth/actor";
import { FLAG_LABEL } from "@/modules/clinical/rules/flags";
import { formatPersonnummer, formatReduction } from "@/modules/clinical/rules/format";
import type { LocalDate } from "@/lib/local-date";
import { SEVERITY_LABEL, severityBand } from "@/modules/clinical/rules/madrs";
import { FlagBadge } from "@/modules/flags/components/flag-badge";
import { HandleFlagForm } from "@/modules/flags/components/handle-flag-form";
import { mayHandle } from "@/modules/auth/rules/permissions";
import { CONTACT_TYPE_LABEL, COUNTERPART_LABEL, NOT_REACHED_LABEL, STATUS_LABEL } from "@/lib/vocabulary";
import { getEpisodeDetail } from "../lib/get-episode-detail";

export async function EpisodePage({
  actor,
  episodeId,
  asOf,
  today,
}: {
  actor: Actor;
  episodeId: string;
  asOf: LocalDate;
  today: LocalDate;
}) {
  const { episode, patient, unitName, contacts, handlings, reviewRequests } = await getEpisodeDetail({
    actor,
    episodeId,
    asOf,
  });
  const yesNo = (v: boolean) => (v ? "Ja" : "Nej");
  return (
    <div className="space-y-6">
      <div>
        <p className="text-sm text-slate-600">
          <Link href="/konsultlista" className="text-blue-800 underline-offset-2 hover:underline">
            Konsultlista
          </Link>{" "}
          / Insats
        </p>
        <h1 className="text-2xl font-semibold">
          {patient.givenName} {patient.familyName}
        </h1>
        <p className="text-slate-700">
          <span className="tabular-nums">{formatPersonnummer(patient.personnummer)}</span> · {unitName}
          {patient.phone && <> · Tel. {patient.phone}</>}
        </p>
      </div>

      <dl className="grid grid-cols-2 gap-x-6 gap-y-2 rounded-lg border border-slate-200 bg-white p-4 text-sm sm:grid-cols-4">
        <div>
          <dt className="text-slate-600">Status</dt>
          <dd className="font-medium">{episode.status ? STATUS_LABEL[episode.status] : "Ej påbörjad"}</dd>
        </div>
        <div>
          <dt className="text-slate-600">Behandlingsvecka</dt>
          <dd className="font-medium">{episode.week ? `Vecka ${episode.week} av 12` : "–"}</dd>
        </div>
        <div>
          <dt className="text-slate-600">Når 12 veckor</dt>
          <dd className="font-medium tabular-nums">{episode.reachesTwelveWeeks}</dd>
        </div>
        <div>
          <dt className="text-slate-600">Dagar i behandling</dt>
          <dd className="font-medium tabular-nums">{episode.daysInTreatment}</dd>
        </div>
        <div>
          <dt className="text-slate-600">Utgångsvärde</dt>
          <dd className="font-medium tabular-nums">{episode.baseline ?? "–"}</dd>
        </div>
        <div>
          <dt className="text-slate-600">Senaste</dt>
          <dd className="font-medium tabular-nums">{episode.latest ?? "–"}</dd>
        </div>
        <div>
          <dt className="text-slate-600">Minskning</dt>
          <dd className="font-medium tabular-nums">{formatReduction(episode.reduction)}</dd>
        </div>
        <div>
          <dt className="text-slate-600">Behandlingssvar / Remission</dt>
          <dd className="font-medium">
            {yesNo(episode.response)} / {yesNo(episode.remission)}
          </dd>
        </div>
      </dl>

      <section aria-labelledby="flags">
        <h2 id="flags" className="mb-2 text-lg font-semibold">
          Öppna flaggor per den {asOf}
        </h2>
        {episode.flags.length === 0 ? (
          <p className="text-slate-700">Inga öppna flaggor.</p>
        ) : (
          <ul className="space-y-3">
            {episode.flags.map((flag) => (
              <li key={flag.code} className="rounded border border-slate-200 bg-white p-3">
                <FlagBadge code={flag.code} />{" "}
                <span className="text-sm text-slate-700">sedan {flag.since}</span>
                {asOf === today && mayHandle(actor.role, flag.code) && (
                  <HandleFlagForm episodeId={episode.id} code={flag.code} label={FLAG_LABEL[flag.code]} />
                )}
              </li>
            ))}
          </ul>
        )}
        {asOf !== today && <p className="mt-2 text-sm text-slate-600">Flaggor hanteras på dagens vy.</p>}
      </section>

      {reviewRequests.length > 0 && (
        <section aria-labelledby="questions">
          <h2 id="questions" className="mb-2 text-lg font-semibold">
            Frågor till psykiatern
          </h2>
          <ul className="space-y-2 text-sm">
            {reviewRequests.map((r) => (
              <li key={r.id} className="rounded border border-slate-200 bg-white p-3">
                <p>
                  <span className="font-medium">{r.by}</span> ({formatDateTime(r.requestedAt)}): {r.question}
                </p>
                <p className="mt-1 text-slate-700">
                  {r.answer ? `Svar ${r.answeredDate}: ${r.answer}` : "Obesvarad."}
                </p>
              </li>
            ))}
          </ul>
        </section>
      )}

      <section aria-labelledby="contacts">
        <h2 id="contacts" className="mb-2 text-lg font-semibold">
          Kontakter
        </h2>
        {contacts.length === 0 ? (
          <p className="text-slate-700">Inga kontakter registrerade.</p>
        ) : (
          <div className="overflow-x-auto">
            <table className="w-full border-collapse rounded-lg border border-slate-200 bg-white text-sm">
              <thead className="bg-slate-100 text-left text-slate-700">
                <tr>
                  <Th>Datum</Th>
                  <Th>Kontakt</Th>
                  <Th numeric>MADRS-S</Th>
                  <Th>Svårighetsgrad</Th>
                  <Th numeric>Livslust</Th>
                  <Th>Anteckning</Th>
                </tr>
              </thead>
              <tbody>
                {contacts.map((c) => (
                  <tr key={c.id} className="border-t border-slate-100 align-top">
                    <td className="px-3 py-1.5 tabular-nums">
                      {c.date}
                      {c.time && ` ${c.time}`}
                    </td>
                    <Td>
                      {CONTACT_TYPE_LABEL[c.type]}
                      {c.counterpart !== "PATIENT" && ` · ${COUNTERPART_LABEL[c.counterpart]}`}
                      {!c.reached && ` · ${NOT_REACHED_LABEL}`}
                    </Td>
                    <Td numeric>{c.madrsSTotal ?? "–"}</Td>
                    <Td>{c.madrsSTotal === null ? "" : SEVERITY_LABEL[severityBand(c.madrsSTotal)]}</Td>
                    <Td numeric>{c.madrsS ? c.madrsS[8] : ""}</Td>
                    <Td>{c.note}</Td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      {handlings.length > 0 && (
        <section aria-labelledby="handled">
          <h2 id="handled" className="mb-2 text-lg font-semibold">
            Hanterade flaggor
          </h2>
          <ul className="space-y-1 text-sm">
            {handlings.map((h) => (
              <li key={h.id}>
                <FlagBadge code={h.code} /> {formatDateTime(h.handledAt)}, {h.by}: {h.note}
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
