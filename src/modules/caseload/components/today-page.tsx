import Link from "next/link";
import { daysBetween, type LocalDate } from "@/lib/local-date";
import type { Actor } from "@/modules/auth/actor";
import { formatPersonnummer } from "@/modules/clinical/rules/format";
import { UnreadRecommendations } from "@/modules/recommendations/components/unread-list";
import { getUnreadRecommendations } from "@/modules/recommendations/lib/unread";
import { getTodayWork } from "../lib/get-today";
import type { OpenEpisodeRow } from "../lib/open-episodes";
import { FlagTable } from "./flag-table";

/** The care manager's start page: what waits today, most urgent first. */
export async function TodayPage({ actor, today }: { actor: Actor; today: LocalDate }) {
  const [work, unread] = await Promise.all([
    getTodayWork({ actor, today }),
    getUnreadRecommendations({ actor }),
  ]);
  const nothing =
    unread.length +
      work.flags.length +
      work.safetyRisks.length +
      work.plannedToday.length +
      work.overduePlanned.length +
      work.reachingTwelveWeeks.length +
      work.selfReports.length ===
    0;
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-2xl font-semibold">I dag, {today}</h1>
          <p className="text-slate-700">
            {actor.displayName} · {work.caseload} pågående {work.caseload === 1 ? "insats" : "insatser"} ·{" "}
            <Link href="/patienter" className="text-blue-800 underline">
              Mina patienter
            </Link>
          </p>
        </div>
        <Link
          href="/patienter/ny"
          className="rounded bg-brand-700 px-3 py-2 text-sm font-medium text-white hover:bg-brand-800"
        >
          Skriv in patient
        </Link>
      </div>

      {work.safetyRisks.length > 0 && (
        <section aria-labelledby="safety" className="rounded-lg border-2 border-red-700 bg-red-50 p-4">
          <h2 id="safety" className="mb-1 text-lg font-semibold text-red-950">
            ⚠ Suicidrisk hos dina patienter
          </h2>
          <p className="mb-2 text-sm text-red-950">
            Flaggan går till patientens läkare, som bedömer i dag. Se till att läkaren vet.
          </p>
          <FlagTable flags={work.safetyRisks} caption="Suicidrisk hos dina patienter" />
        </section>
      )}

      {unread.length > 0 && <UnreadRecommendations items={unread} />}

      <section aria-labelledby="myflags">
        <h2 id="myflags" className="mb-2 text-lg font-semibold">
          Dina flaggor ({work.flags.length})
        </h2>
        {work.flags.length === 0 ? (
          <p className="text-slate-700">Inga öppna flaggor till dig.</p>
        ) : (
          <FlagTable flags={work.flags} caption="Öppna flaggor till vårdsamordnaren" />
        )}
      </section>

      {work.selfReports.length > 0 && (
        <section aria-labelledby="selfreports" className="rounded-lg border border-blue-300 bg-white p-4">
          <h2 id="selfreports" className="mb-1 font-semibold">
            Nya självskattningar ({work.selfReports.length})
          </h2>
          <p className="mb-2 text-sm text-slate-700">
            Patientrapporterade via länk, ej verifierade. Ta upp svaren i nästa samtal; samtalet kan utgå från
            självskattningen i stället för att upprepa frågorna.
          </p>
          <ul className="divide-y divide-slate-100 text-sm" data-testid="new-self-reports">
            {work.selfReports.map((r) => (
              <li key={r.episodeId} className="flex flex-wrap items-baseline gap-x-3 py-1.5">
                <Link
                  href={`/patienter/${r.patientId}`}
                  className="font-medium text-blue-800 underline-offset-2 hover:underline"
                >
                  {r.patient.familyName}, {r.patient.givenName}
                </Link>
                <span>
                  Patienten svarade {r.selfReport!.date}:{" "}
                  <strong className="tabular-nums">{r.selfReport!.total} p</strong>, Livslust{" "}
                  <strong className="tabular-nums">{r.selfReport!.livslust}</strong>
                </span>
                <Link href={`/insatser/${r.episodeId}/kontakt`} className="text-blue-800 underline">
                  Registrera samtal
                </Link>
              </li>
            ))}
          </ul>
        </section>
      )}

      <div className="grid gap-6 lg:grid-cols-3">
        <PatientList
          id="planned"
          title={`Planerade kontakter i dag (${work.plannedToday.length})`}
          empty="Inga kontakter planerade i dag."
          rows={work.plannedToday}
          detail={() => "Planerad i dag"}
          contact
        />
        <PatientList
          id="overdue"
          title={`Försenade planerade kontakter (${work.overduePlanned.length})`}
          empty="Inga försenade kontakter."
          rows={work.overduePlanned}
          detail={(r) => `Planerad ${r.nextPlannedDate}, ${daysBetween(r.nextPlannedDate!, today)} d sedan`}
          contact
        />
        <PatientList
          id="twelve"
          title={`Når 12 veckor inom 7 dagar (${work.reachingTwelveWeeks.length})`}
          empty="Ingen når 12 veckor den närmaste veckan."
          rows={work.reachingTwelveWeeks}
          detail={(r) =>
            `Når 12 veckor ${r.evaluation.reachesTwelveWeeks}; planera avslutande besök och beslut`
          }
        />
      </div>
      {nothing && (
        <p className="rounded border border-blue-200 bg-blue-50 p-3 text-blue-950">
          Inget väntar i dag. Registrera kontakter från{" "}
          <Link href="/patienter" className="underline">
            Mina patienter
          </Link>
          .
        </p>
      )}
    </div>
  );
}

function PatientList({
  id,
  title,
  empty,
  rows,
  detail,
  contact = false,
}: {
  id: string;
  title: string;
  empty: string;
  rows: readonly OpenEpisodeRow[];
  detail: (r: OpenEpisodeRow) => string;
  contact?: boolean;
}) {
  return (
    <section aria-labelledby={id} className="rounded-lg border border-slate-200 bg-white p-4">
      <h2 id={id} className="mb-2 font-semibold">
        {title}
      </h2>
      {rows.length === 0 ? (
        <p className="text-sm text-slate-700">{empty}</p>
      ) : (
        <ul className="divide-y divide-slate-100 text-sm">
          {rows.map((r) => (
            <li key={r.episodeId} className="py-1.5">
              <Link
                href={`/patienter/${r.patientId}`}
                className="font-medium text-blue-800 underline-offset-2 hover:underline"
              >
                {r.patient.familyName}, {r.patient.givenName}
              </Link>{" "}
              <span className="text-xs text-slate-600 tabular-nums">
                {formatPersonnummer(r.patient.personnummer)}
              </span>
              <div className="text-slate-700">{detail(r)}</div>
              {contact && (
                <Link href={`/insatser/${r.episodeId}/kontakt`} className="text-xs text-blue-800 underline">
                  Registrera kontakt
                </Link>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
