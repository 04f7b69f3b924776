// The zod schemas of the unit's settings: what the settings page, its API
// and the property tests accept. Apart from the rules themselves, so that a
// browser page that shows the settings' labels and bounds (the settings
// form) does not carry zod with it.
import { z } from "zod";
import { METHOD_SETTING_LABEL } from "./adherence";
import { EARLY_IMPROVEMENT_LABEL, type EarlyImprovementSettings } from "./early-improvement";
import { RULE_SETTING_BOUNDS, RULE_SETTING_LABEL, type RuleSettings } from "./settings";

/** A whole number within bounds, each refusal naming the setting in Swedish. */
const int = (min: number, max: number, what: string) =>
  z
    .int({ error: `${what}: ange ett heltal.` })
    .min(min, { error: `${what}: lägst ${min}.` })
    .max(max, { error: `${what}: högst ${max}.` });

const setting = (key: keyof RuleSettings) =>
  int(RULE_SETTING_BOUNDS[key][0], RULE_SETTING_BOUNDS[key][1], RULE_SETTING_LABEL[key]);

/**
 * Bounds keep every safety flag possible: item 9 is at most 6 and a total at
 * most 54, so no threshold can be set beyond reach, and SAFETY_CHECK always
 * covers at least one answer below SAFETY_RISK. Orderings keep the rules'
 * meaning: partial response below response, remission's limit below the
 * baseline it needs, the day limits in the order of the 12-week model.
 */
export const ZRuleSettings = z
  .object({
    baselineWindowDays: setting("baselineWindowDays"),
    responsePercent: setting("responsePercent"),
    partialResponsePercent: setting("partialResponsePercent"),
    remissionMaxTotal: setting("remissionMaxTotal"),
    remissionMinBaseline: setting("remissionMinBaseline"),
    safetyRiskItem9: setting("safetyRiskItem9"),
    safetyCheckItem9: setting("safetyCheckItem9"),
    severeTotal: setting("severeTotal"),
    worseningPoints: setting("worseningPoints"),
    noBaselineDays: setting("noBaselineDays"),
    earlyNonResponseDays: setting("earlyNonResponseDays"),
    noResponseDays: setting("noResponseDays"),
    overdueContactDays: setting("overdueContactDays"),
    twelveWeekDays: setting("twelveWeekDays"),
    inactiveDays: setting("inactiveDays"),
    responseRecheckDays: setting("responseRecheckDays"),
  })
  .superRefine((s, ctx) => {
    const order = (path: keyof RuleSettings, ok: boolean, message: string) => {
      if (!ok) ctx.addIssue({ code: "custom", path: [path], message });
    };
    order(
      "safetyCheckItem9",
      s.safetyCheckItem9 < s.safetyRiskItem9,
      "Riskbedömning måste börja under gränsen för suicidrisk.",
    );
    order(
      "partialResponsePercent",
      s.partialResponsePercent < s.responsePercent,
      "Delvis svar måste vara lägre än behandlingssvar.",
    );
    order(
      "remissionMinBaseline",
      s.remissionMinBaseline > s.remissionMaxTotal,
      "Lägsta utgångsvärde för remission måste vara högre än remissionsgränsen.",
    );
    order(
      "noBaselineDays",
      s.noBaselineDays > s.baselineWindowDays,
      "Saknat utgångsvärde kan flaggas först efter fönstret för utgångsvärde.",
    );
    order(
      "earlyNonResponseDays",
      s.earlyNonResponseDays > s.noBaselineDays,
      "Otillräcklig förbättring bedöms efter saknat utgångsvärde.",
    );
    order(
      "noResponseDays",
      s.noResponseDays > s.earlyNonResponseDays,
      "Ej behandlingssvar bedöms efter otillräcklig förbättring.",
    );
    order(
      "twelveWeekDays",
      s.twelveWeekDays >= s.noResponseDays,
      "12-veckorsbeslutet kan inte komma före bedömningen av behandlingssvar.",
    );
    order(
      "inactiveDays",
      s.inactiveDays > s.overdueContactDays,
      "Ingen kontakt måste vara längre än Kontakt försenad.",
    );
  }) satisfies z.ZodType<RuleSettings>;

/** Valid method settings: the settings page and the property tests share it. */
export const ZMethodSettings = z.object({
  physicalMeetings: int(0, 6, METHOD_SETTING_LABEL.physicalMeetings),
  physicalByDay: int(28, 182, METHOD_SETTING_LABEL.physicalByDay),
  contactWeeks: int(4, 26, METHOD_SETTING_LABEL.contactWeeks),
});

const earlySetting = (key: keyof EarlyImprovementSettings, min: number, max: number) =>
  int(min, max, EARLY_IMPROVEMENT_LABEL[key]);

/** Valid settings (the database's check says the same): the settings page and the property tests share it. */
export const ZEarlyImprovementSettings = z
  .object({
    percent: earlySetting("percent", 1, 100),
    fromDay: earlySetting("fromDay", 0, 84),
    toDay: earlySetting("toDay", 0, 84),
  })
  .refine((s) => s.fromDay <= s.toDay, {
    path: ["toDay"],
    error: "Tidig förbättring: sista dagen kan inte vara före den första.",
  });
