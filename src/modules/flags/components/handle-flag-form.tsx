"use client";

import { useActionState } from "react";
import type { FlagCode } from "@/modules/clinical/rules/flags";
import { IDLE } from "@/modules/forms/action-state";
import { TextAreaField } from "@/modules/forms/components/field";
import { FormMessage, SubmitButton } from "@/modules/forms/components/form-status";
import { handleFlagAction } from "../actions";

export function HandleFlagForm({
  episodeId,
  code,
  label,
}: {
  episodeId: string;
  code: FlagCode;
  label: string;
}) {
  const [state, action] = useActionState(handleFlagAction, IDLE);
  return (
    <form action={action} className="mt-2 max-w-xl space-y-2" noValidate>
      <input type="hidden" name="episodeId" value={episodeId} />
      <input type="hidden" name="code" value={code} />
      <FormMessage state={state} />
      <TextAreaField
        name="note"
        label={`Bedömning eller beslut för ”${label}”`}
        state={state}
        rows={2}
        required
      />
      <SubmitButton pendingText="Sparar…">Markera som hanterad</SubmitButton>
    </form>
  );
}
