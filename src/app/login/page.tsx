import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { env, oidcSettings } from "@/lib/env";
import { sessionActor } from "@/modules/auth/lib/current-actor";
import { safeCallbackUrl } from "@/modules/auth/rules/callback-url";
import { loginPageErrorMessage } from "@/modules/auth/rules/oidc";
import { IdpLoginButton, LoginForm } from "@/modules/auth/components/login-form";

export const metadata: Metadata = { title: "Logga in" };
export const dynamic = "force-dynamic";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;
const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

/**
 * The login page: the region's identity provider (SITHS) when configured,
 * and the password login unless production turned it off. `?reauth=1` asks a
 * signed-in IdP user to log in again for a step that needs a recent login.
 */
export default async function LoginPage({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  const callbackUrl = safeCallbackUrl(first(params.callbackUrl));
  const oidc = oidcSettings(env());
  const passwordLogin = env().PASSWORD_LOGIN === "on";
  const reauth = !!oidc && first(params.reauth) === "1";
  if (!reauth && (await sessionActor())) redirect(callbackUrl);
  const errorCode = first(params.error);
  const error = errorCode ? loginPageErrorMessage(errorCode, oidc?.label ?? "e-legitimation") : null;

  return (
    <main className="flex min-h-screen items-center justify-center px-4 py-12">
      <div className="w-full max-w-sm">
        <div className="mb-6 text-center">
          <h1 className="text-2xl font-semibold text-brand-800">Samvård</h1>
          <p className="mt-1 text-sm text-slate-600">Samarbetsvård vid depression och ångest</p>
        </div>
        <div className="space-y-4 rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
          <h2 className="text-lg font-medium">{reauth ? "Logga in igen" : "Logga in"}</h2>
          {error && (
            <p
              data-testid="login-page-error"
              role="alert"
              className="rounded border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-900"
            >
              {error}
            </p>
          )}
          {!passwordLogin && !error && first(params.expired) === "1" && (
            <p className="rounded border border-blue-200 bg-blue-50 px-3 py-2 text-sm text-blue-900">
              Du har loggats ut. Logga in igen för att fortsätta.
            </p>
          )}
          {reauth && (
            <p className="text-sm text-slate-700">
              En API-nyckel gäller även efter att du loggat ut. Därför behöver du logga in igen med{" "}
              {oidc.label} innan du skapar en.
            </p>
          )}
          {oidc && <IdpLoginButton label={oidc.label} callbackUrl={callbackUrl} again={reauth} />}
          {oidc && passwordLogin && !reauth && (
            <p className="flex items-center gap-2 text-sm text-slate-600" aria-hidden="true">
              <span className="h-px flex-1 bg-slate-200" />
              eller med lösenord
              <span className="h-px flex-1 bg-slate-200" />
            </p>
          )}
          {passwordLogin && !reauth && (
            <LoginForm callbackUrl={callbackUrl} expired={first(params.expired) === "1"} />
          )}
        </div>
      </div>
    </main>
  );
}
