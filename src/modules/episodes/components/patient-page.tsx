import Link from "next/link";
import { Breadcrumbs } from "@/components/breadcrumbs";
import type { LocalDate } from "@/lib/local-date";
import { STATUS_LABEL } from "@/lib/vocabulary";
import type { Actor } from "@/modules/auth/actor";
import { may } from "@/modules/auth/rules/permissions";
import { isPsychiatristFlag } from "@/modules/clinical/rules/flags";
import { formatPersonnummer } from "@/modules/clinical/rules/format";
import { SelfReportSection } from "@/modules/self-report/components/self-report-section";
import { RecommendationsSection } from "@/modules/recommendations/components/recommendations-section";
import { getPatientRecord } from "../lib/get-patient-record";
import { AdherenceSummary } from "./adherence-summary";
import { ContactTimeline } from "./contact-timeline";
import { FlagsSection } from "./flags-section";
import { HandledFlags } from "./handled-flags";
import { ReviewSection } from "./review-section";
import { ScoreSection } from "./score-section";
import { StatusSection } from "./status-section";
import { TargetsSummary } from "./targets-summary";

const SAVED: Record<string, string> = {
  kontakt: "Kontakten är sparad.",
  insats: "Patienten är inskriven och insatsen har startat.",
};

/**
 * The patient page: who the patient is, where the episode stands, its score
 * chart, what is flagged and why, every contact with its journal text, and
 * the actions of the user's role. As of a date (today by default); actions
 * only on today's view.
 */
export async function PatientPage({
  actor,
  which,
  asOf,
  today,
  saved,
}: {
  actor: Actor;
  which: { patientId: string } | { episodeId: string };
  asOf: LocalDate;
  today: LocalDate;
  saved?: string;
}) {
  const record = await getPatientRecord({ actor, asOf, ...which });
  const { patient, current } = record;
  const writes = may(actor.role, "clinical:write") && asOf === today;
  const name = `${patient.givenName} ${patient.familyName}`;
  const episode = current?.episode;

  return (
    <div className="space-y-6">
      <Breadcrumbs
        trail={[
          // Back to where the role works from: the psychiatrist's list, or the caseload.
          may(actor.role, "review:conduct")
            ? { href: "/konsultlista", label: "Konsultlista" }
            : { href: "/patienter", label: "Mina patienter" },
        ]}
        current={name}
      />

      <header className="flex flex-wrap items-start justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold">{name}</h1>
          <p className="text-slate-700">
            <span className="tabular-nums">{formatPersonnummer(patient.personnummer)}</span> ·{" "}
            {patient.unitName}
            {patient.phone && (
              <>
                {" "}
                · Tel. <a href={`tel:${patient.phone.replace(/[^+\d]/g, "")}`}>{patient.phone}</a>
              </>
            )}
          </p>
        </div>
        {episode && writes && current.isOpen && (
          <Link
            href={`/insatser/${episode.id}/kontakt`}
            className="rounded bg-brand-700 px-3 py-2 text-sm font-medium text-white hover:bg-brand-800"
          >
            Registrera kontakt
          </Link>
        )}
      </header>

      {saved && SAVED[saved] && (
        <p role="status" className="rounded border border-blue-300 bg-blue-50 px-3 py-2 text-blue-950">
          {SAVED[saved]}
        </p>
      )}
      {asOf !== today && (
        <p className="rounded border border-amber-300 bg-amber-50 px-3 py-2 text-amber-950">
          Visar läget per {asOf}. <Link href="?">Visa i dag</Link>
        </p>
      )}

      {!current || !episode ? (
        <p className="rounded border border-slate-200 bg-white p-4">
          Patienten har ingen insats.{" "}
          {may(actor.role, "clinical:write") && (
            <Link href={`/patienter/ny?patient=${patient.id}`} className="underline">
              Starta en insats
            </Link>
          )}
        </p>
      ) : (
        <>
          <dl className="grid grid-cols-2 gap-x-6 gap-y-3 rounded-lg border border-slate-200 bg-white p-4 text-sm sm:grid-cols-3 lg:grid-cols-6">
            <Fact label="Status">{episode.status ? STATUS_LABEL[episode.status] : "Ej påbörjad"}</Fact>
            <Fact label="Behandlingsvecka">
              {episode.week ? `Vecka ${episode.week}${episode.week <= 12 ? " av 12" : ""}` : "–"}
            </Fact>
            <Fact label="Når 12 veckor">
              <span className="tabular-nums">{episode.reachesTwelveWeeks}</span>
            </Fact>
            <Fact label="Vårdsamordnare">{current.careManager ?? "Ingen angiven"}</Fact>
            <Fact label="Läkare (PAL)">{current.gp ?? "Ingen angiven"}</Fact>
            <Fact label="Diagnos / sjukskrivning">
              {episode.diagnosis ?? "–"} /{" "}
              {current.sickLeaveNow === null
                ? "ej angiven"
                : current.sickLeaveNow === 0
                  ? "ingen"
                  : `${current.sickLeaveNow} %`}
            </Fact>
          </dl>

          <FlagsSection
            actor={actor}
            episodeId={episode.id}
            flags={episode.flags}
            canHandle={asOf === today}
            today={asOf}
          />

          <RecommendationsSection
            actor={actor}
            episodeId={episode.id}
            recommendations={current.recommendations}
            review={
              may(actor.role, "review:conduct") && asOf === today
                ? { handles: episode.flags.map((f) => f.code).filter(isPsychiatristFlag) }
                : null
            }
          />

          <div className="grid gap-6 lg:grid-cols-[1fr_18rem]">
            <TargetsSummary
              episode={episode}
              responsePercent={current.settings.rules.responsePercent}
              noEarlyImprovement={
                current.noEarlyImprovement &&
                (actor.role === "VARDSAMORDNARE" || actor.role === "ALLMANLAKARE")
              }
            />
            <AdherenceSummary adherence={current.adherence} week={episode.week} />
          </div>

          <ScoreSection
            scores={current.scores}
            asOfDay={episode.daysInTreatment}
            baseline={episode.baseline}
            settings={current.settings.rules}
            name={name}
            trend={current.trend}
          />

          {writes && current.isOpen && (
            <SelfReportSection
              episodeId={episode.id}
              link={current.selfReportLink}
              unit={{ name: patient.unitName, phone: patient.unitPhone, address: patient.unitAddress }}
            />
          )}

          <ContactTimeline contacts={current.contacts} />

          <ReviewSection
            episodeId={episode.id}
            requests={current.reviewRequests}
            canRequest={writes && current.isOpen}
            canAnswer={may(actor.role, "review:conduct") && asOf === today}
          />

          <HandledFlags handlings={current.handlings} />

          <StatusSection
            episodeId={episode.id}
            version={episode.version}
            currentStatus={episode.currentStatus}
            changes={current.statusChanges}
            today={today}
            canChange={writes && current.isOpen}
          />
        </>
      )}

      {record.episodes.length > 1 && (
        <section aria-labelledby="episodes">
          <h2 id="episodes" className="mb-2 text-lg font-semibold">
            Insatser
          </h2>
          <ul className="space-y-1 text-sm">
            {record.episodes.map((e) => (
              <li key={e.id}>
                {e.id === episode?.id ? (
                  <strong>
                    {e.startDate}–{e.closedDate ?? ""} · {STATUS_LABEL[e.status]} (visas)
                  </strong>
                ) : (
                  <Link href={`/insatser/${e.id}`} className="text-blue-800 underline">
                    {e.startDate}–{e.closedDate ?? ""} · {STATUS_LABEL[e.status]}
                  </Link>
                )}
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}

function Fact({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div>
      <dt className="text-slate-600">{label}</dt>
      <dd className="font-medium">{children}</dd>
    </div>
  );
}
