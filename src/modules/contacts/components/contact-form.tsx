"use client";
// "Registrera kontakt": keyboard-first, in the order a care manager fills it in
// right after a call. The MADRS-S fields hide (and are not sent) for an
// attempt or a contact with another actor, but keep what was typed.
import { useActionState, useRef, useState } from "react";
import { CONTACT_TYPE_LABEL, COUNTERPART_LABEL, COUNTERPARTS } from "@/lib/vocabulary";
import { STAFF_CONTACT_TYPES } from "@/modules/clinical/rules/facts";
import { IDLE, submittedValue } from "@/modules/forms/action-state";
import {
  CheckboxField,
  Field,
  RadioGroupField,
  SelectField,
  TextAreaField,
} from "@/modules/forms/components/field";
import { FormMessage, SubmitButton } from "@/modules/forms/components/form-status";
import { logContactAction } from "../actions";
import { MadrsFields } from "./madrs-fields";
import { NextContactField, useNextContact } from "./next-contact-field";

export const SICK_LEAVE_OPTIONS = [
  ["", "Ej angiven"],
  ["0", "Ingen sjukskrivning"],
  ["25", "25 %"],
  ["50", "50 %"],
  ["75", "75 %"],
  ["100", "100 %"],
] as const;

export function ContactForm({
  episodeId,
  idempotencyKey,
  today,
  startDate,
  safetyRiskItem9,
  safetyCheckItem9,
  selfReport = null,
}: {
  episodeId: string;
  /** Made when the page was rendered, for a browser without JavaScript; else the form makes its own. */
  idempotencyKey: string;
  today: string;
  startDate: string;
  safetyRiskItem9: number;
  safetyCheckItem9: number;
  /** The patient's self-report waiting for this call, if any. */
  selfReport?: { id: string; date: string; total: number; livslust: number } | null;
}) {
  const [state, formAction] = useActionState(logContactAction, IDLE);
  // One key per form as it is shown: a double click or a resent form saves one contact. A form
  // shown again (the back button restoring a cached page) mounts anew and makes a new key on its
  // first submission, so a new contact typed into it is never taken for the old one.
  const key = useRef<string | null>(null);
  const action = (form: FormData) => {
    key.current ??= crypto.randomUUID();
    form.set("idempotencyKey", key.current);
    formAction(form);
  };
  const [date, setDate] = useState(() => submittedValue(state, "date") ?? today);
  const [counterpart, setCounterpart] = useState(() => submittedValue(state, "counterpart") ?? "PATIENT");
  const [notReached, setNotReached] = useState(() => submittedValue(state, "notReached") === "on");
  const { next, setNext, suggest } = useNextContact(state, "nextPlannedDate", today);
  const onDate = (value: string) => {
    setDate(value);
    suggest(value, { reached: !notReached, withPatient: counterpart === "PATIENT" });
  };
  const withPatient = !notReached && counterpart === "PATIENT";
  // Referring to the self-report is the default: its score is not stored twice.
  const [useSelfReport, setUseSelfReport] = useState(() =>
    state.status === "error" ? state.values.useSelfReport === "on" : selfReport !== null,
  );
  const fromSelfReport = selfReport !== null && withPatient && useSelfReport;
  const scored = withPatient && !fromSelfReport;

  return (
    <form action={action} className="space-y-5" noValidate>
      <input type="hidden" name="episodeId" value={episodeId} />
      <input type="hidden" name="idempotencyKey" value={idempotencyKey} />
      <FormMessage state={state} />

      <div className="grid gap-4 sm:grid-cols-3">
        <Field
          name="date"
          label="Datum"
          hint={`ÅÅÅÅ-MM-DD, från ${startDate}`}
          value={date}
          onChange={(e) => onDate(e.currentTarget.value)}
          inputMode="numeric"
          autoComplete="off"
          required
          state={state}
        />
        <Field
          name="time"
          label="Tid (valfri)"
          hint="TT:MM"
          inputMode="numeric"
          autoComplete="off"
          state={state}
        />
        <Field
          name="durationMinutes"
          label="Längd i minuter (valfri)"
          hint="T.ex. 15"
          inputMode="numeric"
          autoComplete="off"
          state={state}
        />
      </div>

      <RadioGroupField
        name="type"
        legend="Kontakttyp"
        options={STAFF_CONTACT_TYPES.map((t) => [t, CONTACT_TYPE_LABEL[t]] as const)}
        initial="PHONE"
        state={state}
      />

      <div className="grid gap-4 sm:grid-cols-2">
        <SelectField
          name="counterpart"
          label="Kontakt med"
          hint="Patienten, eller en annan aktör i samordningen"
          options={COUNTERPARTS.map((c) => [c, COUNTERPART_LABEL[c]] as const)}
          initial="PATIENT"
          onChange={(e) => {
            setCounterpart(e.currentTarget.value);
            suggest(date, { reached: !notReached, withPatient: e.currentTarget.value === "PATIENT" });
          }}
          state={state}
        />
        <CheckboxField
          name="notReached"
          label="Ej nådd (sökt utan svar)"
          hint="Ett försök räknas inte som kontakt för målen."
          onCheckedChange={(checked) => {
            setNotReached(checked);
            suggest(date, { reached: !checked, withPatient: counterpart === "PATIENT" });
          }}
          state={state}
          className="sm:pt-6"
        />
      </div>

      {selfReport && (
        <div
          className="rounded border border-blue-300 bg-blue-50 p-3 text-sm text-blue-950"
          data-testid="self-report-box"
        >
          <p>
            <strong>
              Patienten svarade {selfReport.date}: {selfReport.total} p
            </strong>{" "}
            (Livslust {selfReport.livslust}) – självskattning via länk, ej verifierad.
          </p>
          {selfReport.livslust >= safetyCheckItem9 && (
            <p className="mt-1 font-semibold text-red-900">
              ⚠ Livslust {selfReport.livslust}:{" "}
              {selfReport.livslust >= safetyRiskItem9
                ? "gör en suicidriskbedömning i samtalet; flaggan ”Suicidrisk – bedöm i dag” har gått till läkaren."
                : "fråga om tankar på att inte vilja leva och dokumentera bedömningen."}
            </p>
          )}
          <input type="hidden" name="selfReportId" value={selfReport.id} />
          {withPatient ? (
            <CheckboxField
              name="useSelfReport"
              label="Samtalet utgår från självskattningen (frågorna upprepas inte)"
              hint="Gå igenom svaren med patienten. Avmarkera om ni gör en ny skattning i samtalet."
              initial={useSelfReport}
              onCheckedChange={setUseSelfReport}
              state={state}
              className="mt-2"
            />
          ) : (
            <p className="mt-1">Ett samtal där patienten nås kan utgå från självskattningen.</p>
          )}
        </div>
      )}

      <MadrsFields
        state={state}
        safetyRiskItem9={safetyRiskItem9}
        safetyCheckItem9={safetyCheckItem9}
        disabled={!scored}
      />
      {!scored && !fromSelfReport && (
        <p className="text-sm text-slate-600">
          MADRS-S registreras bara vid en kontakt med patienten där patienten nåddes.
        </p>
      )}

      <div className="grid gap-4 sm:grid-cols-2">
        <SelectField name="sickLeave" label="Sjukskrivning" options={SICK_LEAVE_OPTIONS} state={state} />
        <NextContactField name="nextPlannedDate" state={state} next={next} setNext={setNext} />
      </div>
      <TextAreaField name="note" label="Anteckning (valfri)" rows={3} maxLength={5000} state={state} />

      <SubmitButton pendingText="Sparar…">Spara kontakt</SubmitButton>
    </form>
  );
}
