// What the settings page and its API accept as the self-report link setting.
import { z } from "zod";
import { SELF_REPORT_SETTING_LABEL } from "./link-settings";

export const ZSelfReportSettings = z.object({
  linkDays: z
    .int({ error: `${SELF_REPORT_SETTING_LABEL.linkDays}: ange ett heltal.` })
    .min(1, { error: `${SELF_REPORT_SETTING_LABEL.linkDays}: lägst 1.` })
    .max(30, { error: `${SELF_REPORT_SETTING_LABEL.linkDays}: högst 30.` }),
});
