"use client";

import { useId } from "react";
import { fieldError, type ActionState } from "@/modules/forms/action-state";

/** The verksamhetschef's units as checkboxes (`unitIds`), keeping the ticks after an error. */
export function UnitCheckboxes({
  units,
  initial,
  state,
}: {
  units: readonly { id: string; name: string }[];
  initial: readonly string[];
  state: ActionState<unknown>;
}) {
  const id = useId();
  const error = fieldError(state, "unitIds");
  const chosen =
    state.status === "error" ? (state.values.unitIds ?? "").split(",").filter(Boolean) : [...initial];
  return (
    <fieldset aria-describedby={error ? `${id}-error` : undefined}>
      <legend className="text-sm font-medium">Enheter</legend>
      <div className="mt-1 flex flex-wrap gap-x-4 gap-y-1">
        {units.map((u) => (
          <label key={u.id} className="inline-flex items-center gap-1.5 text-sm">
            <input
              type="checkbox"
              name="unitIds"
              value={u.id}
              defaultChecked={chosen.includes(u.id)}
              className="h-4 w-4 accent-brand-700"
            />
            {u.name}
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
