"use client";

import { useActionState } from "react";
import { formatDateTime } from "@/lib/format";
import { IDLE } from "@/modules/forms/action-state";
import { Field } from "@/modules/forms/components/field";
import { FormMessage, SubmitButton } from "@/modules/forms/components/form-status";
import { createTokenAction } from "../actions";

export function CreateTokenForm({ days }: { days: number }) {
  const [state, action] = useActionState(createTokenAction, IDLE);
  return (
    <div className="space-y-4">
      <form
        action={action}
        className="max-w-xl space-y-3 rounded-lg border border-slate-200 bg-white p-4"
        noValidate
      >
        <h2 className="text-lg font-semibold">Ny nyckel</h2>
        <FormMessage state={state} />
        <Field
          name="name"
          label="Vad ska nyckeln användas till?"
          placeholder="t.ex. Journalintegration"
          maxLength={100}
          required
          state={state}
        />
        <Field
          name="password"
          type="password"
          label="Ditt lösenord"
          hint={`En nyckel gäller i ${days} dagar, även efter att du loggat ut; därför frågar vi efter lösenordet igen.`}
          autoComplete="current-password"
          required
          state={state}
        />
        <SubmitButton pendingText="Skapar…">Skapa nyckel</SubmitButton>
      </form>
      {state.status === "ok" && (
        <div role="status" className="rounded border border-blue-300 bg-blue-50 p-3 text-blue-950">
          <p className="font-medium">Ny nyckel – kopiera den nu. Den visas bara en gång.</p>
          <code
            data-testid="new-token"
            className="mt-2 block break-all rounded bg-white px-2 py-1 font-mono text-sm"
          >
            {state.data.token}
          </code>
          <p className="mt-2 text-sm">Gäller till {formatDateTime(new Date(state.data.expiresAt))}.</p>
        </div>
      )}
    </div>
  );
}
