"use client";
// "Skriv in patient", step two: the episode (and a new patient's name and
// phone), with the enrollment meeting and its MADRS-S in the same step, since
// enrollment usually is the first physical meeting.
import { useActionState, useState } from "react";
import { MadrsFields } from "@/modules/contacts/components/madrs-fields";
import { NextContactField, useNextContact } from "@/modules/contacts/components/next-contact-field";
import { SICK_LEAVE_OPTIONS } from "@/modules/contacts/components/contact-form";
import { IDLE, submittedValue } from "@/modules/forms/action-state";
import { CheckboxField, Field, SelectField, TextAreaField } from "@/modules/forms/components/field";
import { FormMessage, SubmitButton } from "@/modules/forms/components/form-status";
import type { UnitChoice } from "@/modules/home/lib/unit-choices";
import { enrollPatientAction } from "../actions";

/** ICD-10 codes offered; any code of the right form is accepted (the full Swedish list is not available here). */
export const DIAGNOSES = [
  ["F32.0", "Lindrig depressiv episod"],
  ["F32.1", "Medelsvår depressiv episod"],
  ["F32.9", "Depressiv episod, ospecificerad"],
  ["F33.0", "Recidiverande depression, lindrig episod"],
  ["F33.1", "Recidiverande depression, medelsvår episod"],
  ["F41.1", "Generaliserat ångestsyndrom"],
  ["F41.2", "Blandtillstånd av ångest och depression"],
  ["F43.2", "Anpassningsstörning"],
] as const;

export function EnrollForm({
  personnummer,
  patient,
  units,
  today,
  me,
}: {
  /** Normalised, 12 digits. */
  personnummer: string;
  /** The person's record at the unit, when there is one. */
  patient: { id: string; unitId: string; name: string } | null;
  units: UnitChoice[];
  today: string;
  me: string;
}) {
  const [state, action] = useActionState(enrollPatientAction, IDLE);
  const [unitId, setUnitId] = useState(
    () => submittedValue(state, "unitId") ?? patient?.unitId ?? units[0]!.id,
  );
  const [logMeeting, setLogMeeting] = useState(() =>
    state.status === "error" ? state.values.logMeeting === "on" : true,
  );
  // The first call is planned a week after the start until the user sets it.
  const [start, setStart] = useState(() => submittedValue(state, "episode.startDate") ?? today);
  const { next, setNext, suggest } = useNextContact(state, "firstMeeting.nextPlannedDate", today);
  const onStart = (value: string) => {
    setStart(value);
    suggest(value);
  };
  const unit = units.find((u) => u.id === unitId) ?? units[0]!;
  const staffOptions = (list: { id: string; name: string }[], none: string) => [
    ["", none] as const,
    ...list.map((s) => [s.id, s.name] as const),
  ];

  return (
    <form action={action} className="max-w-4xl space-y-5" noValidate>
      <input type="hidden" name="personnummer" value={personnummer} />
      {patient && <input type="hidden" name="patientId" value={patient.id} />}
      <FormMessage state={state} />

      {!patient && (
        <fieldset className="grid gap-4 rounded-lg border border-slate-300 bg-white p-4 sm:grid-cols-3">
          <legend className="px-1 text-base font-semibold">Ny patient</legend>
          <Field name="givenName" label="Förnamn" autoComplete="off" required state={state} />
          <Field name="familyName" label="Efternamn" autoComplete="off" required state={state} />
          <Field name="phone" label="Telefon (valfri)" inputMode="tel" autoComplete="off" state={state} />
        </fieldset>
      )}

      <fieldset className="grid gap-4 rounded-lg border border-slate-300 bg-white p-4 sm:grid-cols-3">
        <legend className="px-1 text-base font-semibold">Insats</legend>
        {patient || units.length === 1 ? (
          <input type="hidden" name="unitId" value={unit.id} />
        ) : (
          <SelectField
            name="unitId"
            label="Enhet"
            options={units.map((u) => [u.id, u.name] as const)}
            initial={units[0]!.id}
            onChange={(e) => setUnitId(e.currentTarget.value)}
            state={state}
          />
        )}
        <Field
          name="episode.startDate"
          label="Startdatum"
          hint="ÅÅÅÅ-MM-DD; inskrivningsbesöket"
          value={start}
          onChange={(e) => onStart(e.currentTarget.value)}
          inputMode="numeric"
          autoComplete="off"
          required
          state={state}
        />
        <SelectField
          key={`cm-${unit.id}`}
          name="episode.careManagerId"
          label="Vårdsamordnare"
          options={staffOptions(unit.careManagers, "Ingen vald")}
          initial={unit.careManagers.some((c) => c.id === me) ? me : ""}
          state={state}
        />
        <SelectField
          key={`gp-${unit.id}`}
          name="episode.gpId"
          label="Läkare (PAL)"
          options={staffOptions(unit.gps, "Ingen vald")}
          initial={unit.gps.some((g) => g.id === me) ? me : ""}
          state={state}
        />
        <div>
          <Field
            name="episode.diagnosis"
            label="Diagnos (ICD-10)"
            hint="T.ex. F32.1; välj i listan eller skriv en kod"
            list="diagnoses"
            autoComplete="off"
            state={state}
          />
          <datalist id="diagnoses">
            {DIAGNOSES.map(([code, text]) => (
              <option key={code} value={code}>
                {text}
              </option>
            ))}
          </datalist>
        </div>
        <SelectField
          name="episode.sickLeave"
          label="Sjukskrivning vid start"
          options={SICK_LEAVE_OPTIONS}
          state={state}
        />
      </fieldset>

      <CheckboxField
        name="logMeeting"
        label="Registrera inskrivningsbesöket (fysiskt besök) med MADRS-S"
        hint="Inskrivningen är oftast det första fysiska besöket; då blir skattningen utgångsvärdet."
        initial
        onCheckedChange={setLogMeeting}
        state={state}
      />
      <div hidden={!logMeeting} className="space-y-4">
        <MadrsFields
          state={state}
          prefix="firstMeeting."
          safetyRiskItem9={unit.safetyRiskItem9}
          safetyCheckItem9={unit.safetyCheckItem9}
          disabled={!logMeeting}
        />
        <fieldset disabled={!logMeeting} className="grid gap-4 sm:grid-cols-3">
          <Field
            name="firstMeeting.durationMinutes"
            label="Längd i minuter (valfri)"
            inputMode="numeric"
            autoComplete="off"
            state={state}
          />
          <NextContactField name="firstMeeting.nextPlannedDate" state={state} next={next} setNext={setNext} />
          <TextAreaField
            name="firstMeeting.note"
            label="Anteckning (valfri)"
            rows={2}
            state={state}
            className="sm:col-span-3"
          />
        </fieldset>
      </div>

      <SubmitButton pendingText="Skriver in…">{patient ? "Starta insats" : "Skriv in patient"}</SubmitButton>
    </form>
  );
}
