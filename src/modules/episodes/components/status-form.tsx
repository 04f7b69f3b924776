"use client";
// "Ändra status": Återfallsprevention with its plan, Avslutad, Avbruten with a
// reason. It sends the version the page showed: a change someone made
// meanwhile is refused with what the status is now, and nothing typed is lost.
import { useActionState, useState } from "react";
import { STATUS_LABEL, type EpisodeStatus } from "@/lib/vocabulary";
import { IDLE, submittedValue } from "@/modules/forms/action-state";
import { Field, RadioGroupField, TextAreaField } from "@/modules/forms/components/field";
import { FormMessage, SubmitButton } from "@/modules/forms/components/form-status";
import { changeStatusAction } from "../actions";

const TARGETS: Record<EpisodeStatus, readonly EpisodeStatus[]> = {
  ACTIVE: ["RELAPSE_PREVENTION", "COMPLETED", "DEACTIVATED"],
  RELAPSE_PREVENTION: ["COMPLETED", "DEACTIVATED"],
  COMPLETED: [],
  DEACTIVATED: [],
};

export function StatusForm({
  episodeId,
  version,
  currentStatus,
  today,
}: {
  episodeId: string;
  version: number;
  currentStatus: EpisodeStatus;
  today: string;
}) {
  const [state, action] = useActionState(changeStatusAction, IDLE);
  const targets = TARGETS[currentStatus];
  const [chosen, setTarget] = useState<string>(() => submittedValue(state, "status") ?? targets[0] ?? "");
  // After a change the choices change too; a choice no longer offered falls back to the first.
  const target = (targets as readonly string[]).includes(chosen) ? chosen : (targets[0] ?? "");
  // A stale change is answered with the version now: sending again changes from the new state,
  // which the message has just named.
  const stale = state.status === "error" ? state.details?.currentVersion : undefined;
  const sendVersion = typeof stale === "number" ? stale : version;
  return (
    <details className="mt-3 rounded border border-slate-200 bg-white p-3" open={state.status === "error"}>
      <summary className="cursor-pointer text-sm font-medium">Ändra status</summary>
      <form action={action} className="mt-2 max-w-xl space-y-3" noValidate>
        <input type="hidden" name="episodeId" value={episodeId} />
        <input type="hidden" name="version" value={sendVersion} />
        <FormMessage state={state} />
        <RadioGroupField
          name="status"
          legend="Ny status"
          options={targets.map((t) => [t, STATUS_LABEL[t]] as const)}
          initial={targets[0]}
          onValueChange={setTarget}
          state={state}
        />
        <Field
          name="date"
          label="Datum"
          hint="ÅÅÅÅ-MM-DD"
          initial={today}
          inputMode="numeric"
          state={state}
        />
        <div hidden={target !== "RELAPSE_PREVENTION"}>
          <TextAreaField
            name="plan"
            label="Plan för återfallsprevention"
            hint="Varningstecken, vad patienten gör, vem patienten kontaktar, uppföljning."
            rows={3}
            disabled={target !== "RELAPSE_PREVENTION"}
            state={state}
          />
        </div>
        <div hidden={target !== "DEACTIVATED"}>
          <TextAreaField
            name="reason"
            label="Orsak till att insatsen avbryts"
            hint="T.ex. flyttat, avböjt, remitterad till specialistpsykiatrin."
            rows={2}
            disabled={target !== "DEACTIVATED"}
            state={state}
          />
        </div>
        <SubmitButton pendingText="Sparar…">Spara status</SubmitButton>
      </form>
    </details>
  );
}
