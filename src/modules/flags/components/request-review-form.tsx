"use client";

import { useActionState } from "react";
import { IDLE } from "@/modules/forms/action-state";
import { TextAreaField } from "@/modules/forms/components/field";
import { FormMessage, SubmitButton } from "@/modules/forms/components/form-status";
import { requestReviewAction } from "../actions";

/** "Markera för genomgång": a question for the psychiatrist, which puts the patient on the Konsultlista. */
export function RequestReviewForm({ episodeId }: { episodeId: string }) {
  const [state, action] = useActionState(requestReviewAction, IDLE);
  return (
    <details className="mt-2 rounded border border-slate-200 bg-white p-3" open={state.status === "error"}>
      <summary className="cursor-pointer text-sm font-medium">Markera för genomgång</summary>
      <form action={action} className="mt-2 max-w-xl space-y-2" noValidate>
        <input type="hidden" name="episodeId" value={episodeId} />
        <FormMessage state={state} />
        <TextAreaField
          name="question"
          label="Fråga till psykiatern"
          hint="Patienten hamnar på konsultlistan tills psykiatern svarat."
          rows={3}
          maxLength={2000}
          required
          state={state}
        />
        <SubmitButton pendingText="Skickar…">Markera för genomgång</SubmitButton>
      </form>
    </details>
  );
}
