"use client";

import { useActionState } from "react";
import { useFormStatus } from "react-dom";
import { ROLE_LABEL, ROLES } from "@/modules/auth/roles";
import { IDLE } from "@/modules/forms/action-state";
import { CheckboxGroupField, Field, SelectField } from "@/modules/forms/components/field";
import { FormMessage, SubmitButton } from "@/modules/forms/components/form-status";
import { userAccessAction, userStateAction } from "../actions";
import type { UnitUser } from "../lib/unit-users";

function OpButton({ op, children, label }: { op: string; children: string; label: string }) {
  const { pending } = useFormStatus();
  return (
    <button
      type="submit"
      name="op"
      value={op}
      disabled={pending}
      aria-label={label}
      className="rounded border border-slate-400 bg-white px-2 py-0.5 text-sm hover:bg-slate-50 disabled:opacity-70"
    >
      {children}
    </button>
  );
}

/** A user's state buttons: deactivate or reactivate, unlock, reset the password (shown once). */
export function UserStateButtons({ unitId, user, self }: { unitId: string; user: UnitUser; self: boolean }) {
  const [state, action] = useActionState(userStateAction, IDLE);
  const who = user.displayName;
  return (
    <form action={action} className="space-y-1">
      <input type="hidden" name="unitId" value={unitId} />
      <input type="hidden" name="userId" value={user.id} />
      <div className="flex flex-wrap justify-end gap-1">
        {user.locked && (
          <OpButton op="unlock" label={`Lås upp ${who}`}>
            Lås upp
          </OpButton>
        )}
        {!self && !user.shared && user.active && user.role !== "VERKSAMHETSCHEF" && (
          <OpButton op="reset-password" label={`Återställ lösenord för ${who}`}>
            Återställ lösenord
          </OpButton>
        )}
        {!self &&
          !user.shared &&
          (user.active ? (
            <OpButton op="deactivate" label={`Inaktivera ${who}`}>
              Inaktivera
            </OpButton>
          ) : (
            <OpButton op="reactivate" label={`Aktivera ${who}`}>
              Aktivera
            </OpButton>
          ))}
      </div>
      {user.shared && (
        <p className="text-right text-xs text-slate-600">
          Arbetar även på enheter du inte leder: rollen och kontot ändras inte här.
        </p>
      )}
      {state.status === "error" && <p className="text-right text-sm text-red-800">{state.message}</p>}
      {state.status === "ok" && (
        <div role="status" className="text-right text-sm text-blue-950">
          <p>{state.data.message}</p>
          {state.data.password && (
            <code data-testid="reset-password" className="font-mono">
              {state.data.password}
            </code>
          )}
        </div>
      )}
    </form>
  );
}

const ROLE_OPTIONS = ROLES.map((r) => [r, ROLE_LABEL[r]] as const);

/** The user's role, HSA-id and units, behind a disclosure. */
export function UserAccessForm({
  unitId,
  user,
  units,
}: {
  unitId: string;
  user: UnitUser;
  units: readonly { id: string; name: string }[];
}) {
  const [state, action] = useActionState(userAccessAction, IDLE);
  return (
    <details className="text-sm" open={state.status === "error" || undefined}>
      <summary className="cursor-pointer text-blue-800 underline">Ändra roll och enheter</summary>
      <form action={action} noValidate className="mt-2 space-y-2 rounded border border-slate-200 p-2">
        <input type="hidden" name="unitId" value={unitId} />
        <input type="hidden" name="userId" value={user.id} />
        <FormMessage state={state} />
        <SelectField
          name="role"
          label="Roll"
          options={
            // Not here: a shared user's role, another verksamhetschef's, or one's own.
            user.shared || user.role === "VERKSAMHETSCHEF"
              ? ROLE_OPTIONS.filter(([r]) => r === user.role)
              : ROLE_OPTIONS
          }
          initial={user.role}
          state={state}
        />
        <Field
          name="hsaId"
          label="HSA-id"
          hint={user.shared ? "Ändras inte här: användaren arbetar även på andra enheter." : undefined}
          readOnly={user.shared}
          initial={user.hsaId ?? ""}
          autoComplete="off"
          state={state}
        />
        <CheckboxGroupField
          name="unitIds"
          legend="Enheter"
          options={units.map((u) => [u.id, u.name] as const)}
          initial={user.units.map((u) => u.id).filter((id) => units.some((u) => u.id === id))}
          state={state}
        />
        <SubmitButton pendingText="Sparar…">Spara</SubmitButton>
        {state.status === "ok" && (
          <p role="status" className="text-green-900">
            Sparat.
          </p>
        )}
      </form>
    </details>
  );
}
