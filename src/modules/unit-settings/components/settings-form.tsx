"use client";

import { useActionState } from "react";
import { useFormStatus } from "react-dom";
import { FLAG_LABEL } from "@/modules/clinical/rules/flags";
import { IDLE } from "@/modules/forms/action-state";
import { Field } from "@/modules/forms/components/field";
import { FormMessage } from "@/modules/forms/components/form-status";
import { unitSettingsAction } from "../actions";
import { SETTING_GROUPS } from "../rules/setting-help";

function IntentButton({
  intent,
  primary,
  children,
}: {
  intent: string;
  primary?: boolean;
  children: string;
}) {
  const { pending } = useFormStatus();
  return (
    <button
      type="submit"
      name="intent"
      value={intent}
      disabled={pending}
      className={
        primary
          ? "rounded bg-brand-700 px-3 py-1.5 text-sm font-medium text-white hover:bg-brand-800 disabled:opacity-70"
          : "rounded border border-slate-400 bg-white px-3 py-1.5 text-sm font-medium hover:bg-slate-50 disabled:opacity-70"
      }
    >
      {children}
    </button>
  );
}

/**
 * The unit's rule settings: every threshold with its help text, a valid-from
 * date, "Förhandsgranska" (how many of today's open episodes would get other
 * flags) and "Spara" (a new version). The preview keeps what was typed.
 */
export function SettingsForm({
  unitId,
  today,
  current,
}: {
  unitId: string;
  today: string;
  current: Record<string, number>;
}) {
  const [state, action] = useActionState(unitSettingsAction, IDLE);
  const typed = state.status === "ok" && state.data.kind === "preview" ? state.data.typed : undefined;
  const initial = (name: string) => typed?.[name] ?? String(current[name] ?? "");
  return (
    <form action={action} noValidate className="space-y-4">
      <input type="hidden" name="unitId" value={unitId} />
      <FormMessage state={state} />
      {SETTING_GROUPS.map((g) => (
        <fieldset key={g.title} className="rounded border border-slate-200 p-3">
          <legend className="px-1 font-medium">{g.title}</legend>
          <div className="grid gap-x-6 gap-y-3 sm:grid-cols-2">
            {g.fields.map((f) => (
              <Field
                key={f.name}
                name={f.name}
                label={f.label}
                hint={f.hint}
                type="number"
                inputMode="numeric"
                min={f.min}
                max={f.max}
                step={1}
                initial={initial(f.name)}
                state={state}
                className="max-w-md"
              />
            ))}
          </div>
        </fieldset>
      ))}
      <Field
        name="validFrom"
        label="Gäller från (ÅÅÅÅ-MM-DD)"
        hint="I dag eller senare. En utvärdering av en tidigare dag behåller de regler som gällde då."
        inputMode="numeric"
        autoComplete="off"
        initial={typed?.validFrom ?? today}
        state={state}
        className="max-w-xs"
      />
      <div className="flex flex-wrap gap-2">
        <IntentButton intent="preview">Förhandsgranska</IntentButton>
        <IntentButton intent="save" primary>
          Spara ändringen
        </IntentButton>
      </div>
      {state.status === "ok" && state.data.kind === "preview" && (
        <div role="status" className="rounded border border-blue-300 bg-blue-50 p-3 text-sm text-blue-950">
          <p className="font-medium">
            Om ändringen gällde i dag skulle {state.data.preview.changed} av {state.data.preview.episodes}{" "}
            pågående insatser få andra flaggor.
          </p>
          {state.data.preview.byCode.length > 0 && (
            <table className="mt-2 text-left">
              <caption className="sr-only">Öppna flaggor före och efter ändringen</caption>
              <thead>
                <tr>
                  <th scope="col" className="pr-4 font-medium">
                    Flagga
                  </th>
                  <th scope="col" className="pr-4 text-right font-medium">
                    Nu
                  </th>
                  <th scope="col" className="pr-4 text-right font-medium">
                    Efter
                  </th>
                </tr>
              </thead>
              <tbody>
                {state.data.preview.byCode.map((r) => (
                  <tr key={r.code} data-flag={r.code}>
                    <td className="pr-4">{FLAG_LABEL[r.code]}</td>
                    <td className="pr-4 text-right tabular-nums">{r.before}</td>
                    <td className="pr-4 text-right tabular-nums">{r.after}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <p className="mt-2">Inget är sparat ännu.</p>
        </div>
      )}
      {state.status === "ok" && state.data.kind === "saved" && (
        <p role="status" className="rounded border border-green-300 bg-green-50 p-3 text-sm text-green-950">
          Sparat. De nya reglerna gäller från {state.data.validFrom}.
        </p>
      )}
    </form>
  );
}
