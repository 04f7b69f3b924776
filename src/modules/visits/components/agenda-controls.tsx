"use client";
// The visit page's forms: each a server action of its own, each keeping what
// was typed and saying what went wrong in Swedish.
import { useActionState } from "react";
import { IDLE } from "@/modules/forms/action-state";
import { Field, SelectField, TextAreaField } from "@/modules/forms/components/field";
import { FormMessage, SubmitButton } from "@/modules/forms/components/form-status";
import { agendaAction, createVisitAction, visitRecommendationAction } from "../actions";
import { VISIT_ITEM_KINDS, VISIT_ITEM_KIND_LABEL } from "../rules/item-kinds";

/** One agenda change by a button: add, remove, move. The label names the patient for screen readers. */
export function AgendaButton({
  visitId,
  fields,
  children,
  label,
}: {
  visitId: string;
  fields: Record<string, string>;
  children: React.ReactNode;
  /** The accessible name, when the visible text alone does not say whom it concerns. */
  label: string;
}) {
  const [state, action, pending] = useActionState(agendaAction, IDLE);
  return (
    <form action={action} className="inline-block">
      <input type="hidden" name="visitId" value={visitId} />
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <button
        type="submit"
        disabled={pending}
        aria-label={label}
        className="rounded border border-slate-400 bg-white px-2 py-0.5 text-xs hover:bg-slate-50 disabled:opacity-60"
      >
        {children}
      </button>
      {state.status === "error" && (
        <span role="alert" className="ml-1 text-xs text-red-800">
          {state.message}
        </span>
      )}
    </form>
  );
}

/** Case review or patient meeting, and its time. */
export function ItemSettingsForm({
  visitId,
  itemId,
  kind,
  time,
  patient,
}: {
  visitId: string;
  itemId: string;
  kind: string;
  time: string | null;
  patient: string;
}) {
  const [state, action] = useActionState(agendaAction, IDLE);
  return (
    <form action={action} className="flex flex-wrap items-end gap-2" aria-label={`Punkt för ${patient}`}>
      <input type="hidden" name="visitId" value={visitId} />
      <input type="hidden" name="op" value="set" />
      <input type="hidden" name="itemId" value={itemId} />
      <SelectField
        name="kind"
        label="Form"
        options={VISIT_ITEM_KINDS.map((k) => [k, VISIT_ITEM_KIND_LABEL[k]] as const)}
        initial={kind}
        state={state}
      />
      <Field
        name="time"
        label="Tid"
        initial={time ?? ""}
        inputMode="numeric"
        className="w-20"
        state={state}
      />
      <SubmitButton pendingText="Sparar…">Spara</SubmitButton>
    </form>
  );
}

/** Puts a patient of the visit's unit on the agenda by identity number. */
export function AddByPersonnummerForm({ visitId }: { visitId: string }) {
  const [state, action] = useActionState(agendaAction, IDLE);
  return (
    <form action={action} className="flex flex-wrap items-end gap-2" noValidate>
      <input type="hidden" name="visitId" value={visitId} />
      <input type="hidden" name="op" value="addByPersonnummer" />
      <FormMessage state={state} />
      <Field
        name="personnummer"
        label="Lägg till patient med personnummer"
        hint="En patient med pågående insats på besökets enhet"
        inputMode="numeric"
        autoComplete="off"
        state={state}
      />
      <SubmitButton pendingText="Lägger till…">Lägg till</SubmitButton>
    </form>
  );
}

/** "Planera besök": the unit (of those the psychiatrist serves) and the date. */
export function CreateVisitForm({ units, today }: { units: { id: string; name: string }[]; today: string }) {
  const [state, action] = useActionState(createVisitAction, IDLE);
  return (
    <form
      action={action}
      className="flex flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-white p-4"
      noValidate
    >
      <FormMessage state={state} />
      <SelectField
        name="unitId"
        label="Enhet"
        options={units.map((u) => [u.id, u.name] as const)}
        initial={units[0]?.id}
        state={state}
      />
      <Field
        name="date"
        label="Besöksdag"
        hint="ÅÅÅÅ-MM-DD"
        initial={today}
        inputMode="numeric"
        autoComplete="off"
        state={state}
      />
      <SubmitButton pendingText="Planerar…">Planera besök</SubmitButton>
    </form>
  );
}

/** After the visit: the recommendation for one agenda item. */
export function VisitRecommendationForm({
  visitId,
  itemId,
  patient,
  early = false,
}: {
  visitId: string;
  itemId: string;
  patient: string;
  /** The visit lies ahead: a recommendation can still be written now (an e-consultation). */
  early?: boolean;
}) {
  const [state, action] = useActionState(visitRecommendationAction, IDLE);
  return (
    <form action={action} className="space-y-2" noValidate>
      <input type="hidden" name="visitId" value={visitId} />
      <input type="hidden" name="itemId" value={itemId} />
      <FormMessage state={state} />
      <TextAreaField
        name="text"
        label={`Rekommendation för ${patient}`}
        hint={`${early ? "Besöket är planerat; en rekommendation kan ändå skrivas nu. " : ""}Går till läkaren och vårdsamordnaren och hanterar patientens öppna flaggor till psykiatern.`}
        rows={3}
        maxLength={5000}
        required
        state={state}
      />
      <SubmitButton pendingText="Sparar…">Spara rekommendation</SubmitButton>
    </form>
  );
}
