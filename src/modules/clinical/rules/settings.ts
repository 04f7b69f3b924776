// The numbers behind targets and flags (domain.md's defaults). Each is a
// per-unit setting; percentages are integers so comparisons stay exact.
// ZRuleSettings (setting-schemas.ts, apart so that browser code reading the
// labels does not carry zod) says once which settings are valid: the property
// tests draw random valid settings from it, and the verksamhetschef's settings
// page (the only writer of unit_settings) validates with it.

export type RuleSettings = {
  baselineWindowDays: number; // baseline: earliest score dated in [start, start + this]
  responsePercent: number; // response: reduction ≥ this
  partialResponsePercent: number; // partial response: ≥ this and < response
  remissionMaxTotal: number; // remission: latest ≤ this …
  remissionMinBaseline: number; // … counted only where baseline ≥ this
  safetyRiskItem9: number; // SAFETY_RISK: item 9 ≥ this
  safetyCheckItem9: number; // SAFETY_CHECK: item 9 ≥ this (and below safetyRiskItem9)
  severeTotal: number; // SEVERE: total ≥ this
  worseningPoints: number; // WORSENING: total ≥ baseline + this
  noBaselineDays: number; // NO_BASELINE: days ≥ this without baseline
  earlyNonResponseDays: number; // EARLY_NON_RESPONSE: days ≥ this, reduction < partialResponsePercent
  noResponseDays: number; // NO_RESPONSE: days ≥ this, reduction < responsePercent
  overdueContactDays: number; // OVERDUE_CONTACT: days since last reached contact > this
  twelveWeekDays: number; // TWELVE_WEEK_DECISION: days ≥ this
  inactiveDays: number; // INACTIVE: days since last reached contact ≥ this
  responseRecheckDays: number; // a handled (EARLY_)NO_RESPONSE opens again from handling + this
};

export const DEFAULT_RULE_SETTINGS: RuleSettings = {
  baselineWindowDays: 14,
  responsePercent: 50,
  partialResponsePercent: 25,
  remissionMaxTotal: 12,
  remissionMinBaseline: 13,
  safetyRiskItem9: 4,
  safetyCheckItem9: 2,
  severeTotal: 35,
  worseningPoints: 5,
  noBaselineDays: 15,
  earlyNonResponseDays: 42,
  noResponseDays: 56,
  overdueContactDays: 14,
  twelveWeekDays: 84,
  inactiveDays: 90,
  responseRecheckDays: 28,
};

export const RULE_SETTING_KEYS = Object.keys(DEFAULT_RULE_SETTINGS) as (keyof RuleSettings)[];

/** Each setting's bounds, inclusive. */
export const RULE_SETTING_BOUNDS: Record<keyof RuleSettings, readonly [number, number]> = {
  baselineWindowDays: [0, 28],
  responsePercent: [10, 100],
  partialResponsePercent: [5, 95],
  remissionMaxTotal: [0, 20],
  remissionMinBaseline: [1, 54],
  safetyRiskItem9: [2, 6],
  safetyCheckItem9: [1, 5],
  severeTotal: [20, 54],
  worseningPoints: [1, 20],
  noBaselineDays: [1, 42],
  earlyNonResponseDays: [14, 83],
  noResponseDays: [21, 112],
  overdueContactDays: [3, 60],
  twelveWeekDays: [56, 182],
  inactiveDays: [30, 365],
  responseRecheckDays: [7, 84],
};

/** Each setting's Swedish name: the settings page and its error messages use it. */
export const RULE_SETTING_LABEL: Record<keyof RuleSettings, string> = {
  baselineWindowDays: "Fönster för utgångsvärde (dagar)",
  responsePercent: "Behandlingssvar (%)",
  partialResponsePercent: "Delvis svar (%)",
  remissionMaxTotal: "Remission, högsta poäng",
  remissionMinBaseline: "Remission, lägsta utgångsvärde",
  safetyRiskItem9: "Suicidrisk, Livslust från",
  safetyCheckItem9: "Riskbedömning, Livslust från",
  severeTotal: "Svår depression, poäng från",
  worseningPoints: "Försämring, poäng över utgångsvärdet",
  noBaselineDays: "Saknar utgångsvärde efter (dagar)",
  earlyNonResponseDays: "Otillräcklig förbättring från dag",
  noResponseDays: "Ej behandlingssvar från dag",
  overdueContactDays: "Kontakt försenad efter (dagar)",
  twelveWeekDays: "12 veckor – beslut från dag",
  inactiveDays: "Ingen kontakt på (dagar)",
  responseRecheckDays: "Ny bedömning av behandlingssvar efter (dagar)",
};
