"use client";

import { useActionState } from "react";
import { IDLE } from "@/modules/forms/action-state";
import { FormMessage, SubmitButton } from "@/modules/forms/components/form-status";
import { markReadAction } from "../actions";

/** "Tagen del av": the addressee confirms they have read the recommendation. */
export function MarkReadButton({
  episodeId,
  recommendationId,
}: {
  episodeId: string;
  recommendationId: string;
}) {
  const [state, action] = useActionState(markReadAction, IDLE);
  return (
    <form action={action} className="inline-block">
      <input type="hidden" name="episodeId" value={episodeId} />
      <input type="hidden" name="recommendationId" value={recommendationId} />
      <FormMessage state={state} />
      <SubmitButton pendingText="Sparar…">Tagen del av</SubmitButton>
    </form>
  );
}
