"use client";
import { useEffect, useRef } from "react";
import { useFormStatus } from "react-dom";
import type { ActionState } from "../action-state";

/**
 * The form's own message. On an error it lists what is wrong and takes focus,
 * so a screen reader reads it every time the form is refused (a polite live
 * region says nothing when the same words come back), and says that nothing
 * typed was lost. Each field shows its own error too.
 */
export function FormMessage({ state }: { state: ActionState<unknown> }) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (state.status === "error") box.current?.focus();
  }, [state]);
  if (state.status !== "error") return <div ref={box} tabIndex={-1} />;
  const errors = [...new Set(Object.values(state.fieldErrors).flat())];
  return (
    <div
      ref={box}
      tabIndex={-1}
      className="rounded border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-900 focus:outline-2 focus:outline-red-800"
    >
      <p className="font-medium">{state.message}</p>
      {errors.length > 0 && (
        <ul className="mt-1 list-disc pl-5">
          {errors.map((e) => (
            <li key={e}>{e}</li>
          ))}
        </ul>
      )}
    </div>
  );
}

const BUTTON_TONE = {
  primary:
    "rounded bg-brand-700 px-3 py-1.5 text-sm font-medium text-white hover:bg-brand-800 disabled:opacity-70",
  quiet:
    "rounded border border-slate-300 px-3 py-1.5 font-medium text-slate-800 hover:bg-slate-100 disabled:opacity-70",
} as const;

export function SubmitButton({
  children,
  pendingText,
  tone = "primary",
}: {
  children: React.ReactNode;
  pendingText: string;
  tone?: keyof typeof BUTTON_TONE;
}) {
  const { pending } = useFormStatus();
  return (
    <button type="submit" disabled={pending} className={BUTTON_TONE[tone]}>
      {pending ? pendingText : children}
    </button>
  );
}
