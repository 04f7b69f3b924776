"use client";

import { useActionState } from "react";
import { IDLE } from "@/modules/forms/action-state";
import { Field } from "@/modules/forms/components/field";
import { FormMessage, SubmitButton } from "@/modules/forms/components/form-status";
import { findPatientLogAction } from "../actions";

/** "Sök på patient": the identity number goes in the request body, never in the address. */
export function PatientLogForm({ then = "log" }: { then?: "log" | "extract" }) {
  const [state, action] = useActionState(findPatientLogAction, IDLE);
  return (
    <form
      action={action}
      role="search"
      aria-label={then === "log" ? "Logg för en patient" : "Logglista för en patient"}
      className="space-y-2"
      noValidate
    >
      <FormMessage state={state} />
      <input type="hidden" name="then" value={then} />
      <div className="flex flex-wrap items-end gap-3">
        <Field
          name="personnummer"
          label="Personnummer eller samordningsnummer"
          hint="ÅÅÅÅMMDD-NNNN"
          autoComplete="off"
          inputMode="numeric"
          state={state}
          className="min-w-72"
        />
        <div className="pb-0.5">
          <SubmitButton pendingText="Söker…">
            {then === "log" ? "Visa patientens logg" : "Välj patient"}
          </SubmitButton>
        </div>
      </div>
    </form>
  );
}
