// What `npm start` will do, decided from the environment alone, before
// anything touches a database: demo or production, and a refusal of a bad
// production configuration. Pure, so it is unit-tested.
import { roleOf } from "@/lib/db/migrate";
import {
  EnvError,
  checkExportKey,
  checkLoginConfig,
  checkProductionSecret,
  parseEnv,
  type TEnv,
} from "@/lib/env";

export type StartPlan =
  | { mode: "demo"; env: TEnv }
  | { mode: "production"; env: TEnv; appUrl: string; ownerUrl: string }
  | { mode: "refused"; reason: string };

export function planStart(source: NodeJS.ProcessEnv): StartPlan {
  let env: TEnv;
  try {
    env = parseEnv(source);
  } catch (e) {
    if (e instanceof EnvError) return { mode: "refused", reason: e.message };
    throw e;
  }
  const refused = (reason: string): StartPlan => ({ mode: "refused", reason });
  const login = checkLoginConfig(env);
  if (login) return refused(login);
  if (!env.DATABASE_URL) return { mode: "demo", env };

  const secret = checkProductionSecret(env.NEXTAUTH_SECRET);
  if (secret) return refused(secret);
  const exportKey = checkExportKey(env.SAMVARD_EXPORT_KEY);
  if (exportKey) return refused(exportKey);
  if (!env.NEXTAUTH_URL)
    return refused("NEXTAUTH_URL is missing: set the public URL of the app (https://…).");
  const insecure = checkPublicUrl(env.NEXTAUTH_URL);
  if (insecure) return refused(insecure);
  if (env.OIDC_ISSUER && checkPublicUrl(env.OIDC_ISSUER))
    return refused(
      "OIDC_ISSUER must be an https:// URL in production: its discovery document and signing keys must not be open to tampering.",
    );
  const appUrl = env.DATABASE_URL;
  const ownerUrl = env.MIGRATE_DATABASE_URL ?? appUrl;
  if (roleOf(appUrl) === roleOf(ownerUrl)) {
    return refused(
      "DATABASE_URL connects as the schema's owner, which could disable the access log's triggers. " +
        "Set MIGRATE_DATABASE_URL to the owning role and DATABASE_URL to a separate app role (README: External PostgreSQL).",
    );
  }
  return { mode: "production", env, appUrl, ownerUrl };
}

const LOOPBACK = new Set(["localhost", "127.0.0.1", "[::1]"]);

/**
 * Production serves staff over TLS only: its session cookies are Secure and
 * its pages ask for HSTS. Plain http is accepted for a loopback host alone
 * (the app and its browser on one machine, as in the load-balancer test),
 * which browsers treat as a secure context.
 */
export function checkPublicUrl(url: string): string | undefined {
  const u = new URL(url);
  if (u.protocol === "https:" || (u.protocol === "http:" && LOOPBACK.has(u.hostname))) return undefined;
  return `NEXTAUTH_URL must be an https:// URL in production (got ${u.protocol}//${u.host}): session cookies are sent over TLS only.`;
}
