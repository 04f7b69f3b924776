"use client";

import { useActionState } from "react";
import { IDLE } from "@/modules/forms/action-state";
import { revokeTokenAction } from "../actions";

export function RevokeTokenButton({ tokenId, name }: { tokenId: string; name: string }) {
  const [state, action, pending] = useActionState(revokeTokenAction, IDLE);
  return (
    <form action={action}>
      <input type="hidden" name="tokenId" value={tokenId} />
      <button
        type="submit"
        disabled={pending}
        className="rounded border border-slate-300 px-2 py-1 text-red-800 hover:bg-red-50"
      >
        {pending ? "Spärrar…" : "Spärra"}
        <span className="sr-only"> nyckeln {name}</span>
      </button>
      {state.status === "error" && (
        <p className="mt-1 text-sm text-red-800" aria-live="polite">
          {state.message}
        </p>
      )}
    </form>
  );
}
