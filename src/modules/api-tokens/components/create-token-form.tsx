"use client";

import { useActionState } from "react";
import { createTokenAction, type CreateTokenState } from "../actions";

export function CreateTokenForm() {
  const [state, action, pending] = useActionState<CreateTokenState, FormData>(createTokenAction, {});
  const nameError = state.fieldErrors?.name?.[0];
  return (
    <div className="space-y-4">
      <form action={action} className="flex flex-wrap items-end gap-3" noValidate>
        <div>
          <label htmlFor="token-name" className="block text-sm font-medium">
            Vad ska nyckeln användas till?
          </label>
          <input
            id="token-name"
            name="name"
            required
            maxLength={100}
            placeholder="t.ex. Journalintegration"
            aria-invalid={nameError ? true : undefined}
            aria-describedby={nameError ? "token-name-error" : undefined}
            className="mt-1 block w-72 rounded border border-slate-400 px-3 py-2"
          />
          {nameError && (
            <p id="token-name-error" className="mt-1 text-sm text-red-800">
              {nameError}
            </p>
          )}
        </div>
        <button
          type="submit"
          disabled={pending}
          className="rounded bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-800"
        >
          {pending ? "Skapar…" : "Skapa nyckel"}
        </button>
      </form>
      {state.token && (
        <div role="status" className="rounded border border-blue-300 bg-blue-50 p-3 text-blue-950">
          <p className="font-medium">Ny nyckel – kopiera den nu. Den visas bara en gång.</p>
          <code
            data-testid="new-token"
            className="mt-2 block break-all rounded bg-white px-2 py-1 font-mono text-sm"
          >
            {state.token}
          </code>
        </div>
      )}
    </div>
  );
}
