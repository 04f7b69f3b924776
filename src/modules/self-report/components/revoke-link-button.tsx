"use client";
import { useActionState } from "react";
import { IDLE } from "@/modules/forms/action-state";
import { FormMessage, SubmitButton } from "@/modules/forms/components/form-status";
import { revokeSelfReportLinkAction } from "../actions";

/** Revokes the open link: it then says kindly that it no longer works (410). */
export function RevokeLinkButton({ episodeId, linkId }: { episodeId: string; linkId: string }) {
  const [state, action] = useActionState(revokeSelfReportLinkAction, IDLE);
  return (
    <form action={action} className="space-y-2">
      <input type="hidden" name="episodeId" value={episodeId} />
      <input type="hidden" name="linkId" value={linkId} />
      <SubmitButton pendingText="Återkallar…">Återkalla länken</SubmitButton>
      <FormMessage state={state} />
    </form>
  );
}
