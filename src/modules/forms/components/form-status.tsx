"use client";
import { useFormStatus } from "react-dom";
import type { ActionState } from "../action-state";

/** The form's own message: an error says what went wrong and that nothing was lost. */
export function FormMessage({ state }: { state: ActionState<unknown> }) {
  return (
    <div aria-live="polite">
      {state.status === "error" && (
        <p className="rounded border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-900">
          {state.message}
        </p>
      )}
    </div>
  );
}

export function SubmitButton({ children, pendingText }: { children: React.ReactNode; pendingText: string }) {
  const { pending } = useFormStatus();
  return (
    <button
      type="submit"
      disabled={pending}
      className="rounded bg-brand-700 px-3 py-1.5 text-sm font-medium text-white hover:bg-brand-800 disabled:opacity-70"
    >
      {pending ? pendingText : children}
    </button>
  );
}
