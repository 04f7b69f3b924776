// The numbers behind targets and flags (domain.md's defaults). Each is a
// per-unit setting; percentages are integers so comparisons stay exact.
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
