// A unit's self-report link setting: how many days a link stays open. Pure;
// its schema is in link-settings-schema.ts (the settings form's browser code
// reads the label, and should not carry zod).

export type SelfReportSettings = { linkDays: number };

/** The default: a week, time enough for a patient to answer before the next call. */
export const DEFAULT_SELF_REPORT_SETTINGS: SelfReportSettings = { linkDays: 7 };

export const SELF_REPORT_SETTING_LABEL: Record<keyof SelfReportSettings, string> = {
  linkDays: "Självskattningslänk gäller (dagar)",
};
