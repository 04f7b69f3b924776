// Pure rules of the login through the region's identity provider (OIDC).

/** Why an IdP login was refused; each has its own Swedish message and log target. */
export type OidcRefusal = "NO_HSA_ID" | "UNKNOWN_HSA_ID" | "DEACTIVATED";

const HSA_ID = /^SE\d{10}-[A-Z0-9]{1,24}$/;

/** The claim's HSA-id in the form the user page stores it, or null when it is not one. */
export function normalizeHsaId(claim: unknown): string | null {
  if (typeof claim !== "string") return null;
  const id = claim.trim().toUpperCase();
  return HSA_ID.test(id) ? id : null;
}

/**
 * When the person proved who they are: the ID token's auth_time (seconds)
 * when it is a sane one, else the time of this login. A time in the future
 * (a skewed clock) counts as now, never later.
 */
export function authTimeOf(claim: unknown, now: Date): Date {
  const seconds = typeof claim === "number" ? claim : typeof claim === "string" ? Number(claim) : NaN;
  if (!Number.isFinite(seconds) || seconds <= 0) return now;
  return new Date(Math.min(seconds * 1000, now.getTime()));
}

/** An IdP login this recent may create an API token (a token outlives the session). */
export const isFreshLogin = (authenticatedAt: Date, now: Date, minutes: number): boolean =>
  now.getTime() - authenticatedAt.getTime() <= minutes * 60_000;

/** The login page's ?error= codes for IdP logins, set by the sign-in callback. */
export const OIDC_ERROR: Record<OidcRefusal, string> = {
  NO_HSA_ID: "OidcNoHsaId",
  UNKNOWN_HSA_ID: "OidcUnknownHsaId",
  DEACTIVATED: "OidcDeactivated",
};

/**
 * The Swedish message for a login page ?error= code: the IdP refusals above and
 * next-auth's own codes for a flow that broke (the IdP unreachable, a state
 * that does not match, a cancelled login). Unknown codes get a general one.
 */
export function loginPageErrorMessage(code: string, label: string): string {
  switch (code) {
    case "CredentialsSignin":
      return "Fel användarnamn eller lösenord.";
    case OIDC_ERROR.UNKNOWN_HSA_ID:
      return `Inloggningen med ${label} lyckades, men ditt HSA-id är inte kopplat till någon användare i Samvård. Be din verksamhetschef att lägga in ditt HSA-id på användarsidan.`;
    case OIDC_ERROR.NO_HSA_ID:
      return `Inloggningen med ${label} gav inget HSA-id. Kontakta support: identitetstjänsten behöver lämna ut ditt HSA-id till Samvård.`;
    case OIDC_ERROR.DEACTIVATED:
      return "Ditt konto i Samvård är avstängt. Kontakta din verksamhetschef.";
    case "OAuthSignin":
    case "OAuthCallback":
    case "Callback":
    case "OAuthAccountNotLinked":
      return `Inloggningen med ${label} kunde inte slutföras. Försök igen; kvarstår felet, kontakta support.`;
    case "AccessDenied":
      return `Inloggningen med ${label} avbröts.`;
    case "SessionRequired":
      return "Logga in för att fortsätta.";
    default:
      return "Inloggningen misslyckades. Försök igen om en stund.";
  }
}
