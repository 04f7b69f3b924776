"use client";

import { useActionState, useId } from "react";
import { fieldError, IDLE, submittedValue } from "@/modules/forms/action-state";
import { SubmitButton } from "@/modules/forms/components/form-status";
import { recordLogReviewAction } from "../actions";

/** The documented check of one access: OK, or needs follow-up with a comment. */
export function ReviewForm({
  unitId,
  accessLogId,
  label,
}: {
  unitId: string;
  accessLogId: string;
  /** Names the access for screen readers: the form repeats on every row. */
  label: string;
}) {
  const [state, action] = useActionState(recordLogReviewAction, IDLE);
  const id = useId();
  const outcome = submittedValue(state, "outcome");
  const outcomeError = fieldError(state, "outcome");
  const commentError = fieldError(state, "comment");
  return (
    <form action={action} aria-label={`Granska ${label}`} className="space-y-1" noValidate>
      <input type="hidden" name="unitId" value={unitId} />
      <input type="hidden" name="accessLogId" value={accessLogId} />
      <fieldset className="flex flex-wrap gap-x-3" aria-describedby={outcomeError ? `${id}-oe` : undefined}>
        <legend className="sr-only">Utfall</legend>
        <label className="inline-flex items-center gap-1">
          <input
            type="radio"
            name="outcome"
            value="OK"
            defaultChecked={outcome === "OK"}
            className="accent-brand-700"
          />
          OK
        </label>
        <label className="inline-flex items-center gap-1">
          <input
            type="radio"
            name="outcome"
            value="FOLLOW_UP"
            defaultChecked={outcome === "FOLLOW_UP"}
            className="accent-brand-700"
          />
          Behöver följas upp
        </label>
      </fieldset>
      <label htmlFor={`${id}-c`} className="sr-only">
        Kommentar
      </label>
      <input
        id={`${id}-c`}
        name="comment"
        defaultValue={submittedValue(state, "comment")}
        placeholder="Kommentar"
        maxLength={2000}
        aria-invalid={commentError ? true : undefined}
        aria-describedby={commentError ? `${id}-ce` : undefined}
        className="block w-full rounded border border-slate-400 px-2 py-1 aria-[invalid=true]:border-red-700"
      />
      {outcomeError && (
        <p id={`${id}-oe`} className="text-red-800">
          {outcomeError}
        </p>
      )}
      {commentError && (
        <p id={`${id}-ce`} className="text-red-800">
          {commentError}
        </p>
      )}
      {state.status === "error" && !outcomeError && !commentError && (
        <p className="text-red-800">{state.message}</p>
      )}
      <SubmitButton pendingText="Sparar…">Spara granskning</SubmitButton>
    </form>
  );
}
