"use client";

import { useActionState } from "react";
import { IDLE } from "@/modules/forms/action-state";
import { TextAreaField } from "@/modules/forms/components/field";
import { FormMessage, SubmitButton } from "@/modules/forms/components/form-status";
import { caseReviewAction } from "../actions";

/**
 * The psychiatrist's case review: one recommendation to the GP and the care
 * manager, which handles all the patient's open psychiatrist flags at once.
 */
export function CaseReviewForm({ episodeId, handles }: { episodeId: string; handles: string[] }) {
  const [state, action] = useActionState(caseReviewAction, IDLE);
  return (
    <form
      action={action}
      className="max-w-2xl space-y-2 rounded border border-slate-200 bg-white p-3"
      noValidate
    >
      <input type="hidden" name="episodeId" value={episodeId} />
      <FormMessage state={state} />
      <TextAreaField
        name="text"
        label="Rekommendation till läkaren och vårdsamordnaren"
        hint={
          handles.length
            ? `Hanterar samtidigt: ${handles.join(", ")}.`
            : "Inga flaggor till psykiatern är öppna; rekommendationen sparas ändå och når läkaren och vårdsamordnaren."
        }
        rows={4}
        maxLength={5000}
        required
        state={state}
      />
      <SubmitButton pendingText="Sparar…">Spara fallgenomgång</SubmitButton>
    </form>
  );
}
