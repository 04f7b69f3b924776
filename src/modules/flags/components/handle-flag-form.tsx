"use client";

import { useActionState } from "react";
import type { FlagCode } from "@/modules/clinical/rules/flags";
import { handleFlagAction, type HandleFlagState } from "../actions";

export function HandleFlagForm({
  episodeId,
  code,
  label,
}: {
  episodeId: string;
  code: FlagCode;
  label: string;
}) {
  const [state, action, pending] = useActionState<HandleFlagState, FormData>(handleFlagAction, {});
  const id = `note-${code}`;
  const error = state.fieldErrors?.note?.[0] ?? state.error;
  return (
    <form action={action} className="mt-2 space-y-2" noValidate>
      <input type="hidden" name="episodeId" value={episodeId} />
      <input type="hidden" name="code" value={code} />
      <label htmlFor={id} className="block text-sm font-medium">
        Bedömning eller beslut för ”{label}”
      </label>
      <textarea
        id={id}
        name="note"
        rows={2}
        required
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        className="block w-full max-w-xl rounded border border-slate-400 px-2 py-1.5 text-sm"
      />
      {error && (
        <p id={`${id}-error`} className="text-sm text-red-800">
          {error}
        </p>
      )}
      <button
        type="submit"
        disabled={pending}
        className="rounded bg-brand-700 px-3 py-1.5 text-sm font-medium text-white hover:bg-brand-800"
      >
        {pending ? "Sparar…" : "Markera som hanterad"}
      </button>
    </form>
  );
}
