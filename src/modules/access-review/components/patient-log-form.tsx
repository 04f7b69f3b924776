"use client";

import { useActionState } from "react";
import { IDLE } from "@/modules/forms/action-state";
import { Field } from "@/modules/forms/components/field";
import { FormMessage, SubmitButton } from "@/modules/forms/components/form-status";
import { findPatientLogAction } from "../actions";

/** "Sök på patient": the identity number goes in the request body, never in the address. */
export function PatientLogForm() {
  const [state, action] = useActionState(findPatientLogAction, IDLE);
  return (
    <form
      action={action}
      role="search"
      aria-label="Logg för en patient"
      className="flex flex-wrap items-start gap-3"
      noValidate
    >
      <FormMessage state={state} />
      <Field
        name="personnummer"
        label="Personnummer eller samordningsnummer"
        hint="ÅÅÅÅMMDD-NNNN"
        autoComplete="off"
        inputMode="numeric"
        state={state}
        className="min-w-72"
      />
      <div className="pt-11">
        <SubmitButton pendingText="Söker…">Visa patientens logg</SubmitButton>
      </div>
    </form>
  );
}
