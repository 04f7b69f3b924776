"use client";

import { useActionState } from "react";
import { IDLE } from "@/modules/forms/action-state";
import { TextAreaField } from "@/modules/forms/components/field";
import { FormMessage, SubmitButton } from "@/modules/forms/components/form-status";
import { answerReviewRequestAction } from "../actions";

/** "Svara": the psychiatrist's written answer to one question, between visits. */
export function AnswerRequestForm({ requestId, episodeId }: { requestId: string; episodeId: string }) {
  const [state, action] = useActionState(answerReviewRequestAction, IDLE);
  return (
    <form action={action} className="mt-2 max-w-xl space-y-2" noValidate>
      <input type="hidden" name="requestId" value={requestId} />
      <input type="hidden" name="episodeId" value={episodeId} />
      <FormMessage state={state} />
      <TextAreaField
        name="answer"
        label="Svar"
        hint="Svaret når den som frågade, läkaren och vårdsamordnaren tills de tagit del av det."
        rows={3}
        maxLength={5000}
        required
        state={state}
      />
      <SubmitButton pendingText="Skickar…">Skicka svar</SubmitButton>
    </form>
  );
}
