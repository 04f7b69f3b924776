"use client";
// "Skriv in patient": search by identity number first, then the form for a new
// episode of the person found, or for a new patient. The search is a server
// action, so the number is never part of an address.
import Link from "next/link";
import { useActionState, useEffect, useRef } from "react";
import { formatPersonnummer } from "@/modules/clinical/rules/format";
import type { ActionState } from "@/modules/forms/action-state";
import { Field } from "@/modules/forms/components/field";
import { SubmitButton } from "@/modules/forms/components/form-status";
import type { UnitChoice } from "@/modules/home/lib/unit-choices";
import { findForEnrollmentAction } from "../actions";
import type { EnrollmentMatch } from "../lib/lookup-for-enrollment";
import { EnrollForm } from "./enroll-form";

export function EnrollFlow({
  initial,
  units,
  today,
  me,
}: {
  /** The patient a page sent here, already looked up; else the search is empty. */
  initial: ActionState<EnrollmentMatch>;
  units: UnitChoice[];
  today: string;
  me: string;
}) {
  const [state, search] = useActionState(findForEnrollmentAction, initial);
  const match = state.status === "ok" ? state.data : null;
  // The answer of a search takes focus, so a screen reader reads what was found.
  const answer = useRef<HTMLDivElement>(null);
  const searched = useRef(false);
  useEffect(() => {
    if (searched.current && state.status === "ok") answer.current?.focus();
    searched.current = true;
  }, [state]);
  return (
    <div className="space-y-6">
      <form action={search} role="search" className="flex max-w-xl flex-wrap items-start gap-3" noValidate>
        <Field
          name="personnummer"
          label="Personnummer eller samordningsnummer"
          hint="ÅÅÅÅMMDD-NNNN; vi söker först om patienten redan finns på enheten"
          autoComplete="off"
          inputMode="numeric"
          autoFocus={match === null}
          initial={match ? formatPersonnummer(match.personnummer) : undefined}
          state={state}
          className="grow"
        />
        <div className="pt-11">
          <SubmitButton pendingText="Söker…">Sök</SubmitButton>
        </div>
      </form>
      <div ref={answer} tabIndex={-1} className="outline-none">
        {match && <Match key={match.personnummer} match={match} units={units} today={today} me={me} />}
      </div>
    </div>
  );
}

function Match({
  match,
  units,
  today,
  me,
}: {
  match: EnrollmentMatch;
  units: UnitChoice[];
  today: string;
  me: string;
}) {
  const pnr = formatPersonnummer(match.personnummer);
  if (match.patient && match.openEpisodeId) {
    return (
      <p role="status" className="rounded border border-amber-300 bg-amber-50 p-4 text-amber-950">
        {match.patient.name} ({pnr}) har redan en pågående insats. Avsluta den innan en ny startas.{" "}
        <Link href={`/patienter/${match.patient.id}`} className="font-medium underline">
          Öppna patienten
        </Link>
      </p>
    );
  }
  const patient = match.patient;
  const choices = patient ? units.filter((u) => u.id === patient.unitId) : units;
  return (
    <section aria-labelledby="enroll" className="space-y-3">
      <h2 id="enroll" className="text-lg font-semibold">
        {patient ? `Ny insats för ${patient.name}, ${pnr}` : `Ny patient, ${pnr}`}
      </h2>
      <p className="text-slate-700">
        {patient
          ? "Patienten finns på enheten sedan tidigare; en ny insats startas."
          : `Personnumret finns inte på ${choices.length === 1 ? "enheten" : "dina enheter"}.`}
      </p>
      <EnrollForm personnummer={match.personnummer} patient={patient} units={choices} today={today} me={me} />
    </section>
  );
}
