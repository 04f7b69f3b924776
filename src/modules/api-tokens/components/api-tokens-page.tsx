import { env, oidcSettings } from "@/lib/env";
import { isFreshLogin } from "@/modules/auth/rules/oidc";
import type { Actor } from "@/modules/auth/actor";
import { formatDateTime } from "@/lib/format";
import { Td, Th } from "@/components/table";
import { listOwnTokens } from "../lib/manage-tokens";
import { CreateTokenForm, type TokenProof } from "./create-token-form";

const API_TOKENS_PATH = "/api-nycklar";
import { RevokeTokenButton } from "./revoke-token-button";

/** A password login types the password again; an IdP login must be recent, or log in again. */
function tokenProof(actor: Actor, now: Date): TokenProof {
  const oidc = oidcSettings(env());
  if (actor.login?.method !== "oidc" || !oidc) return { kind: "password" };
  const until = new Date(actor.login.authenticatedAt.getTime() + oidc.reauthMinutes * 60_000);
  return {
    kind: "oidc",
    label: oidc.label,
    freshUntil: isFreshLogin(actor.login.authenticatedAt, now, oidc.reauthMinutes)
      ? until.toISOString()
      : null,
    reloginHref: `/login?reauth=1&callbackUrl=${encodeURIComponent(API_TOKENS_PATH)}`,
  };
}

export async function ApiTokensPage({ actor, now }: { actor: Actor; now: Date }) {
  const tokens = await listOwnTokens(actor.userId);
  const state = (t: (typeof tokens)[number]) =>
    t.revokedAt ? `Spärrad ${formatDateTime(t.revokedAt)}` : t.expiresAt <= now ? "Har gått ut" : "Aktiv";
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold">API-nycklar</h1>
        <p className="mt-1 max-w-3xl text-slate-700">
          En API-nyckel låter ett annat system, till exempel journalsystemet, använda Samvårds API med din
          roll och dina enheter. Behandla den som ett lösenord och spärra den när den inte längre behövs. En
          nyckel gäller i {env().API_TOKEN_DAYS} dagar.
        </p>
      </div>
      <CreateTokenForm days={env().API_TOKEN_DAYS} proof={tokenProof(actor, now)} />
      <section aria-labelledby="tokens">
        <h2 id="tokens" className="mb-2 text-lg font-semibold">
          Dina nycklar
        </h2>
        {tokens.length === 0 ? (
          <p className="text-slate-600">Du har inga API-nycklar.</p>
        ) : (
          <table className="w-full rounded-lg border border-slate-200 bg-white text-sm">
            <thead>
              <tr className="text-left text-slate-600">
                <Th>Användning</Th>
                <Th>Skapad</Th>
                <Th>Senast använd</Th>
                <Th>Gäller till</Th>
                <Th>Status</Th>
                <Th>
                  <span className="sr-only">Åtgärd</span>
                </Th>
              </tr>
            </thead>
            <tbody>
              {tokens.map((t) => (
                <tr key={t.id} className="border-t border-slate-100">
                  <Td>{t.name}</Td>
                  <td className="px-3 py-1.5 tabular-nums">{formatDateTime(t.createdAt)}</td>
                  <td className="px-3 py-1.5 tabular-nums">{formatDateTime(t.lastUsedAt)}</td>
                  <td className="px-3 py-1.5 tabular-nums">{formatDateTime(t.expiresAt)}</td>
                  <Td>{state(t)}</Td>
                  <td className="px-3 py-1.5 text-right">
                    {!t.revokedAt && t.expiresAt > now && <RevokeTokenButton tokenId={t.id} name={t.name} />}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </div>
  );
}
