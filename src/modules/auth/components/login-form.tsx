"use client";

import { signIn } from "next-auth/react";
import { useState, type FormEvent } from "react";
import { IDLE } from "@/modules/forms/action-state";
import { Field } from "@/modules/forms/components/field";
import { loginErrorMessage } from "../rules/login-errors";

/**
 * The login through the region's identity provider: next-auth's sign-in
 * request (with its CSRF token) sends the browser to the IdP, which sends it
 * back to /api/auth/callback/oidc. `again` asks the IdP for a new login even
 * when it still has a session (prompt=login, max_age=0), for a step that
 * needs a recent one.
 */
export function IdpLoginButton({
  label,
  callbackUrl,
  again = false,
  primary = true,
}: {
  label: string;
  callbackUrl: string;
  again?: boolean;
  primary?: boolean;
}) {
  const [pending, setPending] = useState(false);
  const [failed, setFailed] = useState(false);
  async function onClick() {
    setPending(true);
    setFailed(false);
    try {
      await signIn("oidc", { callbackUrl }, again ? { prompt: "login", max_age: "0" } : undefined);
    } catch {
      setFailed(true);
      setPending(false);
    }
  }
  return (
    <div className="space-y-2">
      <button
        type="button"
        onClick={onClick}
        disabled={pending}
        className={
          primary
            ? "w-full rounded bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-800 disabled:opacity-70"
            : "w-full rounded border border-brand-700 px-4 py-2 font-medium text-brand-800 hover:bg-brand-50 disabled:opacity-70"
        }
      >
        {pending ? "Skickar dig till inloggningen…" : `Logga in${again ? " igen" : ""} med ${label}`}
      </button>
      {failed && (
        <p role="alert" className="text-sm text-red-800">
          Kunde inte nå servern. Kontrollera anslutningen och försök igen.
        </p>
      )}
    </div>
  );
}

// Signs in through next-auth's own endpoint (not a server action), so it
// prevents the browser's submit and the typed values stay where they are.
export function LoginForm({ callbackUrl, expired }: { callbackUrl: string; expired: boolean }) {
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPending(true);
    setError(null);
    try {
      const result = await signIn("credentials", {
        redirect: false,
        username: String(form.get("username") ?? ""),
        password: String(form.get("password") ?? ""),
      });
      if (!result || result.error) {
        setError(loginErrorMessage(result?.error ?? ""));
        setPending(false);
        return;
      }
      window.location.assign(callbackUrl);
    } catch {
      setError("Kunde inte nå servern. Kontrollera anslutningen och försök igen.");
      setPending(false);
    }
  }

  return (
    <form
      onSubmit={onSubmit}
      noValidate
      className="space-y-4"
      aria-describedby={error ? "login-error" : undefined}
    >
      {expired && !error && (
        <p
          className="rounded border border-blue-200 bg-blue-50 px-3 py-2 text-sm text-blue-900"
          id="login-info"
        >
          Du har loggats ut. Logga in igen för att fortsätta.
        </p>
      )}
      {error && (
        <p
          id="login-error"
          aria-live="assertive"
          className="rounded border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-900"
        >
          {error}
        </p>
      )}
      {/* The form's error is the login's as a whole (which field was wrong is not revealed). */}
      <Field name="username" label="Användarnamn" autoComplete="username" required autoFocus state={IDLE} />
      <Field
        name="password"
        type="password"
        label="Lösenord"
        autoComplete="current-password"
        required
        state={IDLE}
      />
      <button
        type="submit"
        disabled={pending}
        className="w-full rounded bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-800 disabled:opacity-70"
      >
        {pending ? "Loggar in…" : "Logga in"}
      </button>
    </form>
  );
}
