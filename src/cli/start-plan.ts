// What `npm start` will do, decided from the environment alone, before
// anything touches a database: demo or production, and a refusal of a bad
// production configuration. Pure, so it is unit-tested.
import { roleOf } from "@/lib/db/migrate";
import { EnvError, checkExportKey, checkProductionSecret, parseEnv, type TEnv } from "@/lib/env";

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
  if (!env.DATABASE_URL) return { mode: "demo", env };

  const refused = (reason: string): StartPlan => ({ mode: "refused", reason });
  const secret = checkProductionSecret(env.NEXTAUTH_SECRET);
  if (secret) return refused(secret);
  const exportKey = checkExportKey(env.SAMVARD_EXPORT_KEY);
  if (exportKey) return refused(exportKey);
  if (!env.NEXTAUTH_URL)
    return refused("NEXTAUTH_URL is missing: set the public URL of the app (https://…).");
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
