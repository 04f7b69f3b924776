"use client";

import { useActionState } from "react";
import { FLAG_DECISIONS, FLAG_DECISION_LABEL } from "@/lib/vocabulary";
import type { FlagCode } from "@/modules/clinical/rules/flags";
import { IDLE } from "@/modules/forms/action-state";
import { RadioGroupField, TextAreaField } from "@/modules/forms/components/field";
import { FormMessage, SubmitButton } from "@/modules/forms/components/form-status";
import { handleFlagAction } from "../actions";

/** Handles one open flag with a documented note; a GP also chooses one of the common decisions. */
export function HandleFlagForm({
  episodeId,
  code,
  label,
  decisions = false,
}: {
  episodeId: string;
  code: FlagCode;
  label: string;
  /** Ask for one of the GP's common decisions (läkemedelsändring, remiss …). */
  decisions?: boolean;
}) {
  const [state, action] = useActionState(handleFlagAction, IDLE);
  return (
    <form action={action} className="mt-2 max-w-2xl space-y-2" noValidate>
      <input type="hidden" name="episodeId" value={episodeId} />
      <input type="hidden" name="code" value={code} />
      {decisions && <input type="hidden" name="asksDecision" value="1" />}
      <FormMessage state={state} />
      {decisions && (
        <RadioGroupField
          name="decision"
          legend={`Beslut för ”${label}”`}
          options={FLAG_DECISIONS.map((d) => [d, FLAG_DECISION_LABEL[d]] as const)}
          state={state}
        />
      )}
      <TextAreaField
        name="note"
        label={decisions ? `Beskriv beslutet för ”${label}”` : `Bedömning eller beslut för ”${label}”`}
        state={state}
        rows={2}
        required
      />
      <SubmitButton pendingText="Sparar…">Markera som hanterad</SubmitButton>
    </form>
  );
}
