// The eleven flags of domain.md: who they go to and how they are ordered.

export const FLAG_CODES = [
  "SAFETY_RISK",
  "SEVERE",
  "SAFETY_CHECK",
  "WORSENING",
  "TWELVE_WEEK_DECISION",
  "NO_RESPONSE",
  "EARLY_NON_RESPONSE",
  "MARKED_FOR_REVIEW",
  "NO_BASELINE",
  "OVERDUE_CONTACT",
  "INACTIVE",
] as const;
/** The order above is the display order on an episode: safety first. */
export type FlagCode = (typeof FLAG_CODES)[number];

export type Recipient = "GP" | "PSYCHIATRIST" | "CARE_MANAGER";
/** api.md: a flag that goes to two roles is shown with the first of GP, PSYCHIATRIST, CARE_MANAGER. */
export const RECIPIENT_ORDER: readonly Recipient[] = ["GP", "PSYCHIATRIST", "CARE_MANAGER"];

export const FLAG_RECIPIENTS: Record<FlagCode, readonly Recipient[]> = {
  SAFETY_RISK: ["GP", "PSYCHIATRIST"],
  SAFETY_CHECK: ["CARE_MANAGER"],
  SEVERE: ["GP", "PSYCHIATRIST"],
  WORSENING: ["GP"],
  NO_BASELINE: ["CARE_MANAGER"],
  EARLY_NON_RESPONSE: ["GP"],
  NO_RESPONSE: ["PSYCHIATRIST"],
  OVERDUE_CONTACT: ["CARE_MANAGER"],
  TWELVE_WEEK_DECISION: ["GP", "PSYCHIATRIST"],
  INACTIVE: ["CARE_MANAGER"],
  MARKED_FOR_REVIEW: ["PSYCHIATRIST"],
};

export const primaryRecipient = (code: FlagCode): Recipient =>
  RECIPIENT_ORDER.find((r) => FLAG_RECIPIENTS[code].includes(r))!;

export const isPsychiatristFlag = (code: FlagCode): boolean => FLAG_RECIPIENTS[code].includes("PSYCHIATRIST");

/** The review list's priority (domain.md): lower index first. */
export const REVIEW_PRIORITY: readonly FlagCode[] = [
  "SAFETY_RISK",
  "SEVERE",
  "TWELVE_WEEK_DECISION",
  "NO_RESPONSE",
  "MARKED_FOR_REVIEW",
];

export const FLAG_LABEL: Record<FlagCode, string> = {
  SAFETY_RISK: "Suicidrisk – bedöm i dag",
  SAFETY_CHECK: "Livslust – gör riskbedömning",
  SEVERE: "Svår depression",
  WORSENING: "Försämring",
  NO_BASELINE: "Saknar utgångsvärde",
  EARLY_NON_RESPONSE: "Otillräcklig förbättring",
  NO_RESPONSE: "Ej behandlingssvar – konsultgenomgång",
  OVERDUE_CONTACT: "Kontakt försenad",
  TWELVE_WEEK_DECISION: "12 veckor – beslut",
  INACTIVE: "Ingen kontakt på 90 dagar",
  MARKED_FOR_REVIEW: "Markerad för genomgång",
};

/** Colour language: red = safety, amber = needs action, blue = information. */
export const FLAG_TONE: Record<FlagCode, "safety" | "action" | "info"> = {
  SAFETY_RISK: "safety",
  SAFETY_CHECK: "safety",
  SEVERE: "safety",
  WORSENING: "action",
  NO_BASELINE: "action",
  EARLY_NON_RESPONSE: "action",
  NO_RESPONSE: "action",
  OVERDUE_CONTACT: "action",
  TWELVE_WEEK_DECISION: "action",
  INACTIVE: "info",
  MARKED_FOR_REVIEW: "info",
};
