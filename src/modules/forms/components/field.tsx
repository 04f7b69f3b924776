"use client";
// The form field of every form: a label, an optional hint, the error tied to
// the input with aria-describedby, and the value the user typed kept after an
// error (the action's `values` become the field's default, which React's form
// reset then restores).
import {
  useId,
  type InputHTMLAttributes,
  type ReactNode,
  type SelectHTMLAttributes,
  type TextareaHTMLAttributes,
} from "react";
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

/** A text input. With `value` it is controlled (its owner keeps the state); else it keeps what was typed itself. */
export function Field(
  props: Common & Omit<InputHTMLAttributes<HTMLInputElement>, "name" | "defaultValue" | "id">,
) {
  const { name, label, hint, state, initial, className, ...input } = props;
  const { id, error, describedBy } = useField(props);
  const keep = input.type !== "password" && input.value === undefined;
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

/**
 * A select; options are [value, label]. Uncontrolled on purpose, like every
 * field here: React resets a form after its action, and only an input's
 * default survives that, so the default is what was submitted. Listen with
 * onChange where the form must react to a choice.
 */
export function SelectField(
  props: Common & {
    options: readonly (readonly [string, string])[];
  } & Omit<SelectHTMLAttributes<HTMLSelectElement>, "name" | "defaultValue" | "id" | "value">,
) {
  const { name, label, hint, state, initial, className, options, ...select } = props;
  const { id, error, describedBy } = useField(props);
  return (
    <Frame id={id} label={label} hint={hint} error={error} className={className}>
      <select
        {...select}
        id={id}
        name={name}
        defaultValue={submittedValue(state, name) ?? initial}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        className={`${INPUT} bg-white`}
      >
        {options.map(([value, text]) => (
          <option key={value} value={value}>
            {text}
          </option>
        ))}
      </select>
    </Frame>
  );
}

type ChoiceGroup = {
  name: string;
  legend: ReactNode;
  hint?: ReactNode;
  state: ActionState<unknown>;
  options: readonly (readonly [string, string])[];
  className?: string;
};

/** The fieldset, legend, hint and error of a group of radio buttons or checkboxes. */
function Choices({
  type,
  name,
  legend,
  hint,
  state,
  options,
  className,
  isChosen,
  onChoose,
}: ChoiceGroup & {
  type: "radio" | "checkbox";
  isChosen: (value: string) => boolean;
  onChoose?: (value: string) => void;
}) {
  const id = useId();
  const error = fieldError(state, name);
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ");
  return (
    <fieldset className={className} aria-describedby={describedBy || undefined}>
      <legend className="text-sm font-medium">{legend}</legend>
      {hint && (
        <p id={`${id}-hint`} className="text-sm text-slate-600">
          {hint}
        </p>
      )}
      <div className="mt-1 flex flex-wrap gap-x-4 gap-y-1">
        {options.map(([v, text]) => (
          <label key={v} className="inline-flex items-center gap-1.5 text-sm">
            <input
              type={type}
              name={name}
              value={v}
              defaultChecked={isChosen(v)}
              onChange={onChoose && (() => onChoose(v))}
              className="h-4 w-4 accent-brand-700"
            />
            {text}
          </label>
        ))}
      </div>
      {error && (
        <p id={`${id}-error`} className="mt-1 text-sm text-red-800">
          {error}
        </p>
      )}
    </fieldset>
  );
}

/**
 * A group of radio buttons in a fieldset with its legend (arrow keys move
 * between them). Uncontrolled, keeping the submitted choice after an error;
 * `onValueChange` tells the form what was chosen.
 */
export function RadioGroupField({
  initial,
  onValueChange,
  ...group
}: ChoiceGroup & { initial?: string; onValueChange?: (value: string) => void }) {
  const chosen = submittedValue(group.state, group.name) ?? initial;
  return <Choices type="radio" {...group} isChosen={(v) => v === chosen} onChoose={onValueChange} />;
}

/**
 * A group of checkboxes sent under one name (several values). Uncontrolled,
 * keeping the ticks after an error (the echoed values come joined by commas).
 */
export function CheckboxGroupField({ initial, ...group }: ChoiceGroup & { initial: readonly string[] }) {
  const chosen =
    group.state.status === "error"
      ? (group.state.values[group.name] ?? "").split(",").filter(Boolean)
      : initial;
  return <Choices type="checkbox" {...group} isChosen={(v) => chosen.includes(v)} />;
}

/** A checkbox with its label after it; a checked box is submitted as "on". Uncontrolled, like the others. */
export function CheckboxField({
  name,
  label,
  hint,
  state,
  initial = false,
  onCheckedChange,
  className,
}: {
  name: string;
  label: ReactNode;
  hint?: ReactNode;
  state: ActionState<unknown>;
  initial?: boolean;
  onCheckedChange?: (checked: boolean) => void;
  className?: string;
}) {
  const id = useId();
  const error = fieldError(state, name);
  const submitted = state.status === "error" ? state.values[name] === "on" : initial;
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ");
  return (
    <div className={className}>
      <div className="flex items-center gap-2">
        <input
          type="checkbox"
          id={id}
          name={name}
          defaultChecked={submitted}
          onChange={(e) => onCheckedChange?.(e.currentTarget.checked)}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy || undefined}
          className="h-4 w-4 accent-brand-700"
        />
        <label htmlFor={id} className="text-sm font-medium">
          {label}
        </label>
      </div>
      {hint && (
        <p id={`${id}-hint`} className="ml-6 text-sm text-slate-600">
          {hint}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} className="ml-6 mt-1 text-sm text-red-800">
          {error}
        </p>
      )}
    </div>
  );
}
