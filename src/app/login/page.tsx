import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { sessionActor } from "@/modules/auth/lib/current-actor";
import { safeCallbackUrl } from "@/modules/auth/rules/callback-url";
import { LoginForm } from "@/modules/auth/components/login-form";

export const metadata: Metadata = { title: "Logga in" };
export const dynamic = "force-dynamic";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;
const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

export default async function LoginPage({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  const callbackUrl = safeCallbackUrl(first(params.callbackUrl));
  if (await sessionActor()) redirect(callbackUrl);

  return (
    <main className="flex min-h-screen items-center justify-center px-4 py-12">
      <div className="w-full max-w-sm">
        <div className="mb-6 text-center">
          <h1 className="text-2xl font-semibold text-brand-800">Samvård</h1>
          <p className="mt-1 text-sm text-slate-600">Samarbetsvård vid depression och ångest</p>
        </div>
        <div className="rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
          <h2 className="mb-4 text-lg font-medium">Logga in</h2>
          <LoginForm callbackUrl={callbackUrl} expired={first(params.expired) === "1"} />
        </div>
      </div>
    </main>
  );
}
