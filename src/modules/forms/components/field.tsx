"use client";
// The form field of every form: a label, an optional hint, the error tied to
// the input with aria-describedby, and the value the user typed kept after an
// error (the action's `values` become the field's default, which React's form
// reset then restores).
import { useId, type InputHTMLAttributes, type ReactNode, type TextareaHTMLAttributes } from "react";
import { fieldError, submittedValue, type ActionState } from "../action-state";

type Common = {
  name: string;
  label: ReactNode;
  hint?: ReactNode;
  state: ActionState<unknown>;
  /** The value before anything was submitted. */
  initial?: string;
  className?: string;
};

const INPUT =
  "mt-1 block w-full rounded border border-slate-400 px-2 py-1.5 aria-[invalid=true]:border-red-700 aria-[invalid=true]:ring-1 aria-[invalid=true]:ring-red-700";

function useField({ name, hint, state }: Common) {
  const id = useId();
  const error = fieldError(state, name);
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ");
  return { id, error, describedBy: describedBy || undefined };
}

function Frame({
  id,
  label,
  hint,
  error,
  className,
  children,
}: {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string;
  className?: string;
  children: ReactNode;
}) {
  return (
    <div className={className}>
      <label htmlFor={id} className="block text-sm font-medium">
        {label}
      </label>
      {hint && (
        <p id={`${id}-hint`} className="text-sm text-slate-600">
          {hint}
        </p>
      )}
      {children}
      {error && (
        <p id={`${id}-error`} className="mt-1 text-sm text-red-800">
          {error}
        </p>
      )}
    </div>
  );
}

export function Field(
  props: Common & Omit<InputHTMLAttributes<HTMLInputElement>, "name" | "defaultValue" | "id">,
) {
  const { name, label, hint, state, initial, className, ...input } = props;
  const { id, error, describedBy } = useField(props);
  const keep = input.type !== "password";
  return (
    <Frame id={id} label={label} hint={hint} error={error} className={className}>
      <input
        {...input}
        id={id}
        name={name}
        defaultValue={keep ? (submittedValue(state, name) ?? initial) : undefined}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        className={INPUT}
      />
    </Frame>
  );
}

export function TextAreaField(
  props: Common & Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, "name" | "defaultValue" | "id">,
) {
  const { name, label, hint, state, initial, className, ...textarea } = props;
  const { id, error, describedBy } = useField(props);
  return (
    <Frame id={id} label={label} hint={hint} error={error} className={className}>
      <textarea
        {...textarea}
        id={id}
        name={name}
        defaultValue={submittedValue(state, name) ?? initial}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        className={INPUT}
      />
    </Frame>
  );
}
