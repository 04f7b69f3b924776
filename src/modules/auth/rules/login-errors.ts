// The codes next-auth carries from authorize() to the login form, and their Swedish messages.
export const LOGIN_ERROR = {
  invalid: "INVALID",
  lockedPrefix: "LOCKED:",
  rateLimitedPrefix: "RATE_LIMITED:",
} as const;

const stockholmTime = (iso: string) =>
  new Intl.DateTimeFormat("sv-SE", {
    timeZone: "Europe/Stockholm",
    hour: "2-digit",
    minute: "2-digit",
  }).format(new Date(iso));

export function loginErrorMessage(error: string): string {
  if (error.startsWith(LOGIN_ERROR.lockedPrefix)) {
    return `Kontot är låst efter för många misslyckade inloggningar. Försök igen efter kl. ${stockholmTime(error.slice(LOGIN_ERROR.lockedPrefix.length))}.`;
  }
  if (error.startsWith(LOGIN_ERROR.rateLimitedPrefix)) {
    const minutes = Math.max(1, Math.ceil(Number(error.slice(LOGIN_ERROR.rateLimitedPrefix.length)) / 60));
    return `För många inloggningsförsök från din dator eller ditt nätverk. Vänta ${minutes} ${minutes === 1 ? "minut" : "minuter"} och försök igen.`;
  }
  if (error === LOGIN_ERROR.invalid || error === "CredentialsSignin")
    return "Fel användarnamn eller lösenord.";
  return "Inloggningen misslyckades. Försök igen om en stund.";
}
