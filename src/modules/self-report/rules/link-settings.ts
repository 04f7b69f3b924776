// A unit's self-report link setting: how many days a link stays open. Pure.
import { z } from "zod";

export type SelfReportSettings = { linkDays: number };

/** The default: a week, time enough for a patient to answer before the next call. */
export const DEFAULT_SELF_REPORT_SETTINGS: SelfReportSettings = { linkDays: 7 };

export const SELF_REPORT_SETTING_LABEL: Record<keyof SelfReportSettings, string> = {
  linkDays: "Självskattningslänk gäller (dagar)",
};

export const ZSelfReportSettings = z.object({
  linkDays: z
    .int({ error: `${SELF_REPORT_SETTING_LABEL.linkDays}: ange ett heltal.` })
    .min(1, { error: `${SELF_REPORT_SETTING_LABEL.linkDays}: lägst 1.` })
    .max(30, { error: `${SELF_REPORT_SETTING_LABEL.linkDays}: högst 30.` }),
});
