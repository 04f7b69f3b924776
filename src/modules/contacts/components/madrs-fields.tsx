"use client";
// The nine MADRS-S items, keyboard-first: each item its own labelled field
// (0–6), and a quick-entry field that takes the nine digits in a row
// ("444444445") and fills the items, so the whole score goes in without the
// mouse. Focus never moves on its own (WCAG 3.2.2). The total, its severity
// band and a safety notice for Livslust update as the user types.
import { useId, useState } from "react";
import { LIVSLUST_INDEX, MADRS_ITEMS, SEVERITY_LABEL, severityBand } from "@/modules/clinical/rules/madrs";
import { fieldError, submittedValue, type ActionState } from "@/modules/forms/action-state";
import { itemFields } from "../rules/form-fields";

const EMPTY = itemFields().map(() => "");

/** What the quick-entry field shows for the items: the digits given, up to the first empty item. */
const joined = (items: readonly string[]) => {
  const first = items.indexOf("");
  return (first === -1 ? items : items.slice(0, first)).join("");
};

export function MadrsFields({
  state,
  safetyRiskItem9,
  safetyCheckItem9,
  disabled = false,
  prefix = "",
}: {
  state: ActionState<unknown>;
  /** The unit's SAFETY_RISK and SAFETY_CHECK thresholds for Livslust. */
  safetyRiskItem9: number;
  safetyCheckItem9: number;
  /** Hidden and not submitted (an attempt, or a contact with another actor); what was typed stays. */
  disabled?: boolean;
  /** Where the items sit in a larger form's input, e.g. "firstMeeting." */
  prefix?: string;
}) {
  const id = useId();
  const ITEM_FIELDS = itemFields(prefix);
  const [items, setItems] = useState<string[]>(() => ITEM_FIELDS.map((n) => submittedValue(state, n) ?? ""));
  const [quick, setQuick] = useState(() => joined(items));
  const [quickError, setQuickError] = useState<string | null>(null);

  const onQuick = (raw: string) => {
    const value = raw.replace(/\s/g, "");
    setQuick(value);
    if (!/^[0-6]{0,9}$/.test(value)) {
      setQuickError("Skriv bara siffror 0–6, en för varje fråga i ordning (högst nio).");
      return;
    }
    setQuickError(null);
    setItems(EMPTY.map((_, i) => value[i] ?? ""));
  };
  const onItem = (index: number, raw: string) => {
    const next = items.map((v, i) => (i === index ? raw.trim() : v));
    setItems(next);
    setQuick(joined(next));
    setQuickError(null);
  };

  const complete = items.every((v) => /^[0-6]$/.test(v));
  const total = complete ? items.reduce((sum, v) => sum + Number(v), 0) : null;
  const livslust = /^[0-6]$/.test(items[LIVSLUST_INDEX]!) ? Number(items[LIVSLUST_INDEX]) : null;
  const groupError = fieldError(state, `${prefix}madrsS`);

  return (
    <fieldset
      disabled={disabled}
      hidden={disabled}
      className="space-y-3 rounded-lg border border-slate-300 bg-white p-4"
      aria-describedby={groupError ? `${id}-error` : undefined}
    >
      <legend className="px-1 text-base font-semibold">MADRS-S</legend>
      <p className="text-sm text-slate-600">
        Patientens svar på de nio frågorna, 0–6 vardera. Lämna alla tomma om ingen skattning gjordes.
      </p>
      {groupError && (
        <p id={`${id}-error`} className="text-sm text-red-800">
          {groupError}
        </p>
      )}
      <div>
        <label htmlFor={`${id}-quick`} className="block text-sm font-medium">
          Snabbinmatning
        </label>
        <p id={`${id}-quick-hint`} className="text-sm text-slate-600">
          Nio siffror i följd, t.ex. 344323342. Fälten nedan fylls i.
        </p>
        <input
          id={`${id}-quick`}
          value={quick}
          onChange={(e) => onQuick(e.currentTarget.value)}
          inputMode="numeric"
          autoComplete="off"
          maxLength={12}
          aria-describedby={`${id}-quick-hint${quickError ? ` ${id}-quick-error` : ""}`}
          aria-invalid={quickError ? true : undefined}
          className="mt-1 block w-48 rounded border border-slate-400 px-2 py-1.5 font-mono tracking-[0.3em] tabular-nums"
        />
        {quickError && (
          <p id={`${id}-quick-error`} className="mt-1 text-sm text-red-800">
            {quickError}
          </p>
        )}
      </div>
      <ol className="grid grid-cols-1 gap-x-6 gap-y-2 sm:grid-cols-2 lg:grid-cols-3">
        {MADRS_ITEMS.map((name, i) => {
          const field = ITEM_FIELDS[i]!;
          const error = fieldError(state, field);
          return (
            <li key={field} className="flex items-center justify-between gap-2">
              <label htmlFor={`${id}-${i}`} className="text-sm">
                {i + 1}. {name}
              </label>
              <input
                id={`${id}-${i}`}
                name={field}
                value={items[i]}
                onChange={(e) => onItem(i, e.currentTarget.value)}
                inputMode="numeric"
                autoComplete="off"
                maxLength={1}
                aria-invalid={error ? true : undefined}
                aria-describedby={error ? `${id}-${i}-error` : undefined}
                className="w-12 rounded border border-slate-400 px-2 py-1 text-center tabular-nums aria-[invalid=true]:border-red-700 aria-[invalid=true]:ring-1 aria-[invalid=true]:ring-red-700"
              />
              {error && (
                <span id={`${id}-${i}-error`} className="sr-only">
                  {error}
                </span>
              )}
            </li>
          );
        })}
      </ol>
      {ITEM_FIELDS.some((f) => fieldError(state, f)) && (
        <p className="text-sm text-red-800">Varje svar är en siffra 0–6; fyll i alla nio eller inget.</p>
      )}
      <p aria-live="polite" className="text-sm" data-testid="madrs-total">
        {total === null ? (
          <span className="text-slate-600">Summa visas när alla nio svar är ifyllda.</span>
        ) : (
          <>
            Summa <strong className="tabular-nums">{total}</strong> av 54 –{" "}
            <strong>{SEVERITY_LABEL[severityBand(total)]}</strong>
          </>
        )}
      </p>
      <div aria-live="assertive">
        {livslust !== null && livslust >= safetyRiskItem9 && (
          <div
            className="rounded border-2 border-red-700 bg-red-50 p-3 text-red-950"
            data-testid="safety-notice"
          >
            <p className="font-semibold">⚠ Livslust {livslust}: risk för suicid – bedöm i dag</p>
            <ul className="mt-1 list-disc pl-5 text-sm">
              <li>Gör en suicidriskbedömning i dag, innan patienten lämnas.</li>
              <li>
                Informera patientens läkare (PAL) i dag; flaggan ”Suicidrisk – bedöm i dag” går till läkaren.
              </li>
              <li>Vid akut fara: ring 112.</li>
            </ul>
          </div>
        )}
        {livslust !== null && livslust >= safetyCheckItem9 && livslust < safetyRiskItem9 && (
          <div className="rounded border border-red-300 bg-red-50 p-3 text-sm text-red-950">
            <p className="font-semibold">⚠ Livslust {livslust}: gör en riskbedömning</p>
            <p>Fråga om tankar på att inte vilja leva och dokumentera bedömningen.</p>
          </div>
        )}
      </div>
    </fieldset>
  );
}
