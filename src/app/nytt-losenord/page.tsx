import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { sessionActor } from "@/modules/auth/lib/current-actor";
import { LogoutButton } from "@/modules/auth/components/logout-button";
import { NewPasswordForm } from "@/modules/auth/components/new-password-form";

export const metadata: Metadata = { title: "Nytt lösenord" };
export const dynamic = "force-dynamic";

/** Outside the app's layout: a user on a one-time password sees only this until it is replaced. */
export default async function NewPasswordPage() {
  const actor = await sessionActor();
  if (!actor) redirect("/login?expired=1");
  const oneTime = actor.passwordChangeRequired === true;
  return (
    <main className="flex min-h-screen items-center justify-center px-4 py-12">
      <div className="w-full max-w-sm">
        <div className="mb-6 text-center">
          <p className="text-2xl font-semibold text-brand-800">Samvård</p>
        </div>
        <div className="space-y-4 rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
          <h1 className="text-lg font-medium">Välj ett eget lösenord</h1>
          <p className="text-sm text-slate-700">
            {oneTime
              ? `Hej ${actor.displayName}! Du loggade in med ett engångslösenord. Välj ett eget innan du fortsätter.`
              : `Byt lösenord för ${actor.displayName}.`}
          </p>
          <NewPasswordForm oneTime={oneTime} />
          <LogoutButton />
        </div>
      </div>
    </main>
  );
}
