"use client";

import { useActionState } from "react";
import { IDLE } from "@/modules/forms/action-state";
import { Field } from "@/modules/forms/components/field";
import { FormMessage, SubmitButton } from "@/modules/forms/components/form-status";
import { changePasswordAction } from "../actions";

export function NewPasswordForm({ oneTime }: { oneTime: boolean }) {
  const [state, action] = useActionState(changePasswordAction, IDLE);
  return (
    <form action={action} noValidate className="space-y-3">
      <FormMessage state={state} />
      <Field
        name="current"
        type="password"
        label={oneTime ? "Engångslösenord" : "Nuvarande lösenord"}
        autoComplete="current-password"
        required
        state={state}
      />
      <Field
        name="next"
        type="password"
        label="Nytt lösenord"
        hint="Minst 12 tecken. En mening du minns är bra."
        autoComplete="new-password"
        required
        state={state}
      />
      <Field
        name="repeat"
        type="password"
        label="Upprepa nytt lösenord"
        autoComplete="new-password"
        required
        state={state}
      />
      <SubmitButton pendingText="Sparar…">Spara lösenordet</SubmitButton>
    </form>
  );
}
