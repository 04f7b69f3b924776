"use client";

import { useActionState } from "react";
import { formatDateTime, formatTime } from "@/lib/format";
import { IDLE } from "@/modules/forms/action-state";
import { Field } from "@/modules/forms/components/field";
import { FormMessage, SubmitButton } from "@/modules/forms/components/form-status";
import { createTokenAction } from "../actions";

/** How the user proves who they are again: a password login types it, an IdP login must be recent. */
export type TokenProof =
  { kind: "password" } | { kind: "oidc"; label: string; freshUntil: string | null; reloginHref: string };

export function CreateTokenForm({ days, proof }: { days: number; proof: TokenProof }) {
  const [state, action] = useActionState(createTokenAction, IDLE);
  if (proof.kind === "oidc" && !proof.freshUntil && state.status !== "ok") {
    return (
      <div className="max-w-xl space-y-3 rounded-lg border border-slate-200 bg-white p-4">
        <h2 className="text-lg font-semibold">Ny nyckel</h2>
        <p className="text-slate-700">
          En nyckel gäller i {days} dagar, även efter att du loggat ut. Därför behöver du logga in igen med{" "}
          {proof.label} strax innan du skapar den.
        </p>
        <a
          href={proof.reloginHref}
          className="inline-block rounded bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-800"
        >
          Logga in igen med {proof.label}
        </a>
      </div>
    );
  }
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
        {proof.kind === "password" ? (
          <Field
            name="password"
            type="password"
            label="Ditt lösenord"
            hint={`En nyckel gäller i ${days} dagar, även efter att du loggat ut; därför frågar vi efter lösenordet igen.`}
            autoComplete="current-password"
            required
            state={state}
          />
        ) : (
          proof.freshUntil && (
            <p className="text-sm text-slate-700">
              Du har nyss loggat in med {proof.label}: nyckeln kan skapas fram till kl.{" "}
              {formatTime(new Date(proof.freshUntil))}.
            </p>
          )
        )}
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
