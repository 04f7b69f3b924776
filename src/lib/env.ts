// Environment validation. One zod schema, read once per process; every setting
// the app honours is here and in .env.example.
import { z } from "zod";

/** The placeholder in .env.example: a production start refuses it. */
export const EXAMPLE_SECRET = "change-me-to-a-long-random-string";

const optionalString = z.preprocess((v) => (v === "" ? undefined : v), z.string().optional());
const intSetting = (def: number, min: number, max: number) =>
  z.preprocess((v) => (v === "" || v === undefined ? def : v), z.coerce.number().int().min(min).max(max));

export const ZEnv = z.object({
  DATABASE_URL: optionalString.pipe(
    z.url({ protocol: /^postgres(ql)?$/, error: "must be a postgresql:// URL" }).optional(),
  ),
  MIGRATE_DATABASE_URL: optionalString.pipe(
    z.url({ protocol: /^postgres(ql)?$/, error: "must be a postgresql:// URL" }).optional(),
  ),
  NEXTAUTH_SECRET: optionalString,
  NEXTAUTH_URL: optionalString.pipe(z.url().optional()),
  PORT: intSetting(3000, 1, 65535),
  /** Interface `next start` listens on; all interfaces when unset. */
  HOST: optionalString,
  EMBEDDED_PG_PORT: intSetting(54329, 1, 65535),
  SESSION_IDLE_MINUTES: intSetting(30, 1, 24 * 60),
  LOGIN_MAX_FAILURES: intSetting(5, 1, 100),
  LOGIN_LOCK_MINUTES: intSetting(15, 1, 24 * 60),
  DB_POOL_MAX: intSetting(10, 1, 200),
  /** Web processes (one per core, at most 4, when unset); each has its own pool of DB_POOL_MAX connections. */
  SAMVARD_WORKERS: z.preprocess(
    (v) => (v === "" ? undefined : v),
    z.coerce.number().int().min(1).max(64).optional(),
  ),
  /** Days an API token is valid from its creation. */
  API_TOKEN_DAYS: intSetting(90, 1, 366),
  /**
   * The key of the research export's pseudonyms (HMAC-SHA256). Kept outside the
   * database: whoever has it and an identity number can find the person's
   * pseudonym. Demo mode makes one in .data/; production refuses to start without.
   */
  SAMVARD_EXPORT_KEY: optionalString,
  /**
   * The base URL of the patient's self-report links (e.g. a public host in
   * front of /svar/* only): the staff app is usually not reachable from the
   * internet. NEXTAUTH_URL when unset.
   */
  SAMVARD_PUBLIC_URL: optionalString.pipe(z.url({ protocol: /^https?$/ }).optional()),
  /** A JSON file with the validated MADRS-S wording a region holds the rights to; Samvård's own words when unset. */
  SAMVARD_MADRS_S_WORDING: optionalString,
  /** Password logins per 10 minutes from one client address (any accounts), across all instances. */
  LOGIN_RATE_LIMIT: intSetting(60, 1, 100_000),
  /** Requests per minute one API token may make, across all instances. */
  API_TOKEN_RATE_LIMIT: intSetting(600, 1, 10_000_000),
  /** Requests per 10 minutes one client address may make to the self-report page and API. */
  SELF_REPORT_RATE_LIMIT: intSetting(60, 1, 100_000),
  /**
   * How many reverse proxies in front of the app append to X-Forwarded-For:
   * the client's address is that many entries from the right. 0 (no proxy):
   * the header is the client's own and proves nothing, so all clients share
   * one rate-limit bucket.
   */
  TRUSTED_PROXY_HOPS: intSetting(0, 0, 5),
  /**
   * Login through the region's OpenID Connect identity provider (e.g. Inera's
   * IdP for staff with SITHS eID): its issuer URL, this app's client id and
   * secret there, and the ID-token claim that carries the person's HSA-id. A
   * user is matched by the HSA-id the verksamhetschef set on the user page.
   */
  OIDC_ISSUER: optionalString.pipe(z.url({ protocol: /^https?$/ }).optional()),
  OIDC_CLIENT_ID: optionalString,
  OIDC_CLIENT_SECRET: optionalString,
  OIDC_HSA_ID_CLAIM: z.preprocess((v) => (v === "" || v === undefined ? "employeeHsaId" : v), z.string()),
  OIDC_SCOPE: z.preprocess((v) => (v === "" || v === undefined ? "openid profile" : v), z.string()),
  /** What the login button calls the IdP: "Logga in med …". */
  OIDC_LABEL: z.preprocess((v) => (v === "" || v === undefined ? "SITHS-kort" : v), z.string().max(40)),
  /** Minutes an OIDC login counts as fresh for creating an API token. */
  OIDC_REAUTH_MINUTES: intSetting(5, 1, 60),
  /** "off" hides the password login (production with OIDC); the embedded demo keeps it. */
  PASSWORD_LOGIN: z.preprocess((v) => (v === "" || v === undefined ? "on" : v), z.enum(["on", "off"])),
  /** The largest request body the HTTP API reads; larger ones get 413 before parsing. */
  API_MAX_BODY_BYTES: intSetting(65_536, 1_024, 10_485_760),
});
export type TEnv = z.infer<typeof ZEnv>;

export class EnvError extends Error {
  override name = "EnvError";
}

export function parseEnv(source: NodeJS.ProcessEnv = process.env): TEnv {
  const result = ZEnv.safeParse(source);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new EnvError(`Invalid configuration:\n${lines.join("\n")}`);
  }
  return result.data;
}

/** Production refuses a missing, short or example secret. */
export function checkProductionSecret(secret: string | undefined): string | undefined {
  if (!secret) return "NEXTAUTH_SECRET is missing (required when DATABASE_URL is set).";
  if (secret === EXAMPLE_SECRET)
    return "NEXTAUTH_SECRET still has the example value from .env.example; set a random secret (openssl rand -base64 48).";
  if (secret.length < 32) return "NEXTAUTH_SECRET is too short (at least 32 characters).";
  return undefined;
}

/** Production refuses a missing or short export key. */
export function checkExportKey(key: string | undefined): string | undefined {
  if (!key)
    return "SAMVARD_EXPORT_KEY is missing: set a random key of at least 32 characters for the research export's pseudonyms (openssl rand -base64 48), and keep it outside the database.";
  if (key.length < 32) return "SAMVARD_EXPORT_KEY is too short (at least 32 characters).";
  return undefined;
}

/** The OIDC login's settings when an issuer is configured; a half-configured one is refused. */
export function oidcSettings(e: TEnv) {
  if (!e.OIDC_ISSUER) return null;
  return {
    issuer: e.OIDC_ISSUER.replace(/\/+$/, ""),
    clientId: e.OIDC_CLIENT_ID ?? "",
    clientSecret: e.OIDC_CLIENT_SECRET ?? "",
    hsaIdClaim: e.OIDC_HSA_ID_CLAIM,
    scope: e.OIDC_SCOPE,
    label: e.OIDC_LABEL,
    reauthMinutes: e.OIDC_REAUTH_MINUTES,
  };
}

/** Why the login configuration cannot work, or undefined. */
export function checkLoginConfig(e: TEnv): string | undefined {
  if (e.OIDC_ISSUER && (!e.OIDC_CLIENT_ID || !e.OIDC_CLIENT_SECRET))
    return "OIDC_ISSUER is set but OIDC_CLIENT_ID or OIDC_CLIENT_SECRET is missing.";
  if (!e.OIDC_ISSUER && (e.OIDC_CLIENT_ID || e.OIDC_CLIENT_SECRET))
    return "OIDC_CLIENT_ID or OIDC_CLIENT_SECRET is set without OIDC_ISSUER.";
  if (e.PASSWORD_LOGIN === "off" && !e.OIDC_ISSUER)
    return "PASSWORD_LOGIN=off leaves no way to log in: configure OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET.";
  return undefined;
}

let cached: TEnv | undefined;
/** The validated environment of this process. */
export function env(): TEnv {
  cached ??= parseEnv();
  return cached;
}
