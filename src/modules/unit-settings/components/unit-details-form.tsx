"use client";

import { useActionState } from "react";
import { IDLE } from "@/modules/forms/action-state";
import { Field, TextAreaField } from "@/modules/forms/components/field";
import { FormMessage, SubmitButton } from "@/modules/forms/components/form-status";
import { unitDetailsAction } from "../actions";

export function UnitDetailsForm({
  unit,
}: {
  unit: { id: string; name: string; phone: string | null; address: string | null };
}) {
  const [state, action] = useActionState(unitDetailsAction, IDLE);
  return (
    <form action={action} noValidate className="max-w-xl space-y-3">
      <input type="hidden" name="unitId" value={unit.id} />
      <FormMessage state={state} />
      <Field name="name" label="Enhetens namn" initial={unit.name} required maxLength={200} state={state} />
      <Field
        name="phone"
        label="Telefon"
        hint="Visas för patienten, t.ex. på sidan för självskattning."
        type="tel"
        autoComplete="off"
        initial={unit.phone ?? ""}
        maxLength={40}
        state={state}
      />
      <TextAreaField
        name="address"
        label="Besöksadress"
        rows={2}
        initial={unit.address ?? ""}
        state={state}
      />
      <SubmitButton pendingText="Sparar…">Spara uppgifterna</SubmitButton>
      {state.status === "ok" && (
        <p role="status" className="text-sm text-green-900">
          Enhetens uppgifter är sparade.
        </p>
      )}
    </form>
  );
}
