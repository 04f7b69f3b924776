// Loggkontroll speaks of what was accessed in neutral Swedish words: "kontakt",
// "insats", "flagghantering". A log row's target is the app's own record name
// (`episode:<id>:flag:SAFETY_RISK`); what a flag was, or a score, must never
// reach the verksamhetschef's screen or a patient's log extract.

/** The kinds of record a log row can be about, most specific first. */
const TARGETS: readonly [RegExp, string][] = [
  [/^episode:[^:?]+:flag:/, "flagghantering"],
  [/^episode:[^:?]+:status:/, "statusändring"],
  [/^episode:[^:?]+:contact-form/, "kontaktformulär"],
  [/^episode:/, "insats"],
  [/^contact:/, "kontakt"],
  [/^patient-search/, "sökning på personnummer"],
  [/^patient-list/, "patientlista"],
  [/^patient(:|$)/, "patientuppgifter"],
  [/^enrollment-search/, "sökning inför inskrivning"],
  [/^enrollment/, "inskrivning"],
  [/^review-request/, "fråga till psykiatern"],
  [/^recommendation:[^:]+:read/, "rekommendation, markerad som läst"],
  [/^recommendation/, "rekommendation"],
  [/^visit:[^:]+:agenda/, "konsultbesökets dagordning"],
  [/^visit/, "konsultbesök"],
  [/^review-list/, "konsultlista"],
  [/^unanswered-questions/, "obesvarade frågor"],
  [/^unread-recommendations/, "rekommendationer att läsa"],
  [/^(caseload|flagged-patients|start-page)/, "patientlista"],
  [/^report/, "uppföljning"],
  [/^research-export/, "forskningsexport"],
  [/^access-log/, "loggkontroll"],
  [/^log-extract/, "logglista"],
  [/^log-review/, "logggranskning"],
  [/^unit-settings/, "enhetens regler"],
  [/^unit:/, "enhetens uppgifter"],
  [/^user:[^:]+:password/, "eget lösenord"],
  [/^user/, "användarkonto"],
  [/^(login|session|reauth)/, "inloggning"],
  [/^api-token/, "API-nyckel"],
  [/^self-report-link/, "självskattningslänk"],
];

/** Who a row with no user but a self-report link was: the patient (or whoever holds the link). */
export const LINK_ACTOR = "Självskattningslänk (patienten)";

/** The actor's name on a log row: the user, the username typed, or the link. */
export const actorName = (
  r: { userId: string | null; username: string | null; selfReportLinkId?: string | null },
  names: ReadonlyMap<string, string>,
): string =>
  r.selfReportLinkId ? LINK_ACTOR : ((r.userId ? names.get(r.userId) : undefined) ?? r.username ?? "");

/** What a log row was about, in neutral words. */
export function describeTarget(target: string | null): string {
  if (!target) return "–";
  return TARGETS.find(([re]) => re.test(target))?.[1] ?? "annat";
}

export const ACTION_LABEL: Record<string, string> = {
  READ: "Läsning",
  CREATE: "Registrering",
  UPDATE: "Ändring",
  EXPORT: "Export",
  LOGIN: "Inloggning",
  LOGIN_FAILED: "Misslyckad inloggning",
  LOGOUT: "Utloggning",
  SESSION_ENDED: "Session avslutad",
  API_TOKEN_CREATED: "API-nyckel skapad",
  API_TOKEN_REVOKED: "API-nyckel återkallad",
};

export const REFUSAL_LABEL: Record<string, string> = {
  NOT_FOUND: "Nekad: fanns inte för användaren",
  FORBIDDEN: "Nekad: rollen får inte",
  CONFLICT: "Nekad: krock",
  UNPROCESSABLE: "Nekad: inte tillåtet",
  GONE: "Nekad: länken gäller inte längre",
};
