import Link from "next/link";
import { UnitChooser } from "@/components/unit-chooser";
import { Th } from "@/components/table";
import { formatDateTime } from "@/lib/format";
import { addDays, shiftMonth } from "@/lib/local-date";
import type { Actor } from "@/modules/auth/actor";
import { ROLE_LABEL } from "@/modules/auth/roles";
import { isRole } from "@/modules/auth/roles";
import { formatPersonnummer } from "@/modules/clinical/rules/format";
import { getReviewSelection } from "../lib/review-selection";
import { ACTION_LABEL, REFUSAL_LABEL } from "../rules/describe";
import { OUTCOME_LABEL } from "../rules/reviews-csv";
import { DEFAULT_SELECTION, REASON_LABEL } from "../rules/selection";
import { LogNav } from "./log-nav";
import { ReviewForm } from "./review-form";

const MONTH_NAME = new Intl.DateTimeFormat("sv-SE", { month: "long", year: "numeric", timeZone: "UTC" });

/**
 * "Granskning": the month's accesses worth a look, with why each was picked,
 * and the verksamhetschef's documented check of each.
 */
export async function ReviewMonthPage({
  actor,
  unitId,
  month,
  thisMonth,
}: {
  actor: Actor;
  unitId: string;
  month: string;
  thisMonth: string;
}) {
  const s = await getReviewSelection({ actor, unitId, month });
  const href = (m: string) => `/loggkontroll/granskning?${new URLSearchParams({ unitId, month: m })}`;
  const name = MONTH_NAME.format(new Date(`${month}-01T00:00:00Z`));
  const monthEnd = addDays(`${shiftMonth(month, 1)}-01`, -1);
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold">Loggkontroll</h1>
        <p className="text-slate-700">
          Systematisk granskning av åtkomster, månad för månad (Patientdatalagen, HSLF-FS 2016:40). Varje
          granskning dokumenteras och listas under Genomförda granskningar.
        </p>
      </div>
      <LogNav current="/loggkontroll/granskning" unitId={unitId} />
      <UnitChooser units={actor.units} unitId={unitId} path="/loggkontroll/granskning" />

      <div className="flex flex-wrap items-center gap-3">
        <Link href={href(shiftMonth(month, -1))} className="text-blue-800 underline">
          ← Föregående månad
        </Link>
        <h2 className="text-lg font-semibold first-letter:uppercase">{name}</h2>
        {month < thisMonth && (
          <Link href={href(shiftMonth(month, 1))} className="text-blue-800 underline">
            Nästa månad →
          </Link>
        )}
      </div>

      <section aria-labelledby="rules" className="rounded-lg border border-slate-200 bg-white p-4 text-sm">
        <h2 id="rules" className="font-semibold">
          Urval: {s.items.length} åtkomster, {s.reviewed} granskade
        </h2>
        <ul className="mt-2 grid gap-1 sm:grid-cols-2 lg:grid-cols-3">
          {s.byReason.map((r) => (
            <li key={r.reason}>
              <span className="font-medium">{REASON_LABEL[r.reason]}</span>: {r.count}
            </li>
          ))}
        </ul>
        <p className="mt-2 max-w-4xl text-slate-700">
          Ingen vårdrelation: användaren är varken patientens vårdsamordnare, läkare eller psykiater på
          enheten. Utanför kontorstid: före {String(DEFAULT_SELECTION.dayStartHour).padStart(2, "0")} eller
          från {DEFAULT_SELECTION.dayEndHour} på vardagar, och helger (helgdagar räknas inte). Många
          patienter: minst {DEFAULT_SELECTION.burstPatients} olika patienters uppgifter inom{" "}
          {DEFAULT_SELECTION.burstMinutes} minuter. Stickprov: {DEFAULT_SELECTION.sampleSize} slumpvis valda
          åtkomster i månaden. Listor över många patienter räknas inte som att öppna varje patient.
        </p>
      </section>

      {s.items.length === 0 ? (
        <p className="text-slate-600">Inga åtkomster i urvalet för {name}.</p>
      ) : (
        <div className="relative overflow-x-auto">
          <table
            className="w-full rounded-lg border border-slate-200 bg-white text-sm"
            data-testid="review-selection"
          >
            <thead>
              <tr className="text-left text-slate-600">
                <Th>Tid</Th>
                <Th>Användare</Th>
                <Th>Patient</Th>
                <Th>Händelse</Th>
                <Th>Skäl</Th>
                <Th>Granskning</Th>
              </tr>
            </thead>
            <tbody>
              {s.items.map((i) => (
                <tr key={i.id} className="border-t border-slate-100 align-top" data-access={i.id}>
                  <td className="whitespace-nowrap px-3 py-1.5 tabular-nums">{formatDateTime(i.at)}</td>
                  <td className="px-3 py-1.5">
                    {i.userId ? (
                      // What else this user did that month: the log by user.
                      <Link
                        href={`/loggkontroll?${new URLSearchParams({ user: i.userId, from: `${month}-01`, to: monthEnd })}`}
                        className="text-blue-800 underline"
                      >
                        {i.user}
                      </Link>
                    ) : (
                      i.user
                    )}
                    {i.role && isRole(i.role) && <div className="text-slate-600">{ROLE_LABEL[i.role]}</div>}
                  </td>
                  <td className="px-3 py-1.5">
                    {i.patient ? (
                      <>
                        <Link
                          href={`/loggkontroll?${new URLSearchParams({ patient: i.patientId!, from: `${month}-01`, to: monthEnd })}`}
                          className="text-blue-800 underline"
                        >
                          {i.patient.familyName}, {i.patient.givenName}
                        </Link>
                        <div className="tabular-nums text-slate-600">
                          {formatPersonnummer(i.patient.personnummer)}
                        </div>
                      </>
                    ) : (
                      "–"
                    )}
                  </td>
                  <td className="px-3 py-1.5">
                    {ACTION_LABEL[i.action] ?? i.action}: {i.what}
                    {i.refusal && (
                      <div className="text-slate-600">{REFUSAL_LABEL[i.refusal] ?? i.refusal}</div>
                    )}
                  </td>
                  <td className="px-3 py-1.5">
                    <ul>
                      {i.reasons.map((r) => (
                        <li key={r}>{REASON_LABEL[r]}</li>
                      ))}
                    </ul>
                  </td>
                  <td className="w-72 px-3 py-1.5">
                    {i.review ? (
                      <div>
                        <span className="font-medium">{OUTCOME_LABEL[i.review.outcome]}</span>
                        {i.review.comment && <p>{i.review.comment}</p>}
                        <p className="text-slate-600">
                          {i.review.reviewer}, {formatDateTime(i.review.reviewedAt)}
                        </p>
                      </div>
                    ) : (
                      <ReviewForm
                        unitId={unitId}
                        accessLogId={i.id}
                        label={`${i.user} ${formatDateTime(i.at)}${i.patient ? `, ${i.patient.familyName}` : ""}`}
                      />
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
