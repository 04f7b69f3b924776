"use client";

import { useActionState } from "react";
import { ROLE_LABEL, ROLES } from "@/modules/auth/roles";
import { IDLE } from "@/modules/forms/action-state";
import { CheckboxField, CheckboxGroupField, Field, SelectField } from "@/modules/forms/components/field";
import { FormMessage, SubmitButton } from "@/modules/forms/components/form-status";
import { createUserAction } from "../actions";

const ROLE_OPTIONS = [["", "Välj roll"], ...ROLES.map((r) => [r, ROLE_LABEL[r]] as const)] as const;

/** A new user of the verksamhetschef's units; the one-time password is shown once, here. */
export function NewUserForm({
  unitId,
  units,
}: {
  unitId: string;
  units: readonly { id: string; name: string }[];
}) {
  const [state, action] = useActionState(createUserAction, IDLE);
  return (
    <div className="space-y-3">
      <form action={action} noValidate className="grid max-w-3xl gap-3 sm:grid-cols-2">
        <input type="hidden" name="unitId" value={unitId} />
        <div className="sm:col-span-2">
          <FormMessage state={state} />
        </div>
        <Field name="displayName" label="Namn" autoComplete="off" required maxLength={200} state={state} />
        <Field
          name="username"
          label="Användarnamn"
          hint="3–50 tecken: a–z, 0–9, punkt, bindestreck eller understreck."
          autoComplete="off"
          required
          maxLength={50}
          state={state}
        />
        <SelectField name="role" label="Roll" options={ROLE_OPTIONS} initial="" state={state} />
        <Field
          name="hsaId"
          label="HSA-id (valfritt)"
          hint="För inloggning med regionens e-tjänstekort, t.ex. SE2321000131-P000000012345."
          autoComplete="off"
          maxLength={40}
          state={state}
        />
        <div className="sm:col-span-2">
          <CheckboxGroupField
            name="unitIds"
            legend="Enheter"
            options={units.map((u) => [u.id, u.name] as const)}
            initial={[unitId]}
            state={state}
          />
        </div>
        <CheckboxField
          name="oneTimePassword"
          label="Skapa engångslösenord"
          hint="Visas en gång här. Användaren väljer ett eget lösenord vid första inloggningen."
          initial
          state={state}
          className="sm:col-span-2"
        />
        <div className="sm:col-span-2">
          <SubmitButton pendingText="Skapar…">Skapa användare</SubmitButton>
        </div>
      </form>
      {state.status === "ok" && (
        <div role="status" className="max-w-3xl rounded border border-blue-300 bg-blue-50 p-3 text-blue-950">
          <p className="font-medium">Användaren {state.data.username} är skapad.</p>
          {state.data.password && (
            <>
              <p className="mt-1 text-sm">
                Engångslösenord – lämna det bara till användaren. Det visas en gång.
              </p>
              <code
                data-testid="one-time-password"
                className="mt-1 block rounded bg-white px-2 py-1 font-mono"
              >
                {state.data.password}
              </code>
            </>
          )}
        </div>
      )}
    </div>
  );
}
