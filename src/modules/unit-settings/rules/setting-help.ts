// The settings page's groups and help texts: what each number does, in the
// words of the flags it moves. Labels and bounds are the core's own.
import { METHOD_SETTING_LABEL, type MethodSettings } from "@/modules/clinical/rules/adherence";
import {
  EARLY_IMPROVEMENT_LABEL,
  type EarlyImprovementSettings,
} from "@/modules/clinical/rules/early-improvement";
import { SELF_REPORT_SETTING_LABEL } from "@/modules/self-report/rules/link-settings";
import {
  RULE_SETTING_BOUNDS,
  RULE_SETTING_LABEL,
  type RuleSettings,
} from "@/modules/clinical/rules/settings";

export type SettingField = {
  /** The form field's name: `rules.<key>` or `method.<key>`. */
  name: string;
  label: string;
  hint: string;
  min?: number;
  max?: number;
};

const rule = (key: keyof RuleSettings, hint: string): SettingField => ({
  name: `rules.${key}`,
  label: RULE_SETTING_LABEL[key],
  hint,
  min: RULE_SETTING_BOUNDS[key][0],
  max: RULE_SETTING_BOUNDS[key][1],
});

const early = (key: keyof EarlyImprovementSettings, hint: string): SettingField => ({
  name: `early.${key}`,
  label: EARLY_IMPROVEMENT_LABEL[key],
  hint,
  min: key === "percent" ? 1 : 0,
  max: key === "percent" ? 100 : 84,
});

const method = (key: keyof MethodSettings, hint: string): SettingField => ({
  name: `method.${key}`,
  label: METHOD_SETTING_LABEL[key],
  hint,
});

export const SETTING_GROUPS: { title: string; fields: SettingField[] }[] = [
  {
    title: "Säkerhet (kan inte stängas av)",
    fields: [
      rule("safetyRiskItem9", "Flaggan Suicidrisk – bedöm i dag när Livslust (fråga 9) är minst detta. 2–6."),
      rule(
        "safetyCheckItem9",
        "Flaggan Livslust – gör riskbedömning från detta värde och under suicidriskgränsen.",
      ),
      rule("severeTotal", "Flaggan Svår depression när MADRS-S-summan är minst detta."),
      rule("worseningPoints", "Flaggan Försämring när summan är så många poäng över utgångsvärdet."),
    ],
  },
  {
    title: "Mål",
    fields: [
      rule("baselineWindowDays", "Första skattningen inom så många dagar från start är utgångsvärdet."),
      rule(
        "responsePercent",
        "Behandlingssvar: summan har sjunkit med minst så många procent från utgångsvärdet.",
      ),
      rule(
        "partialResponsePercent",
        "Delvis svar: minst så många procent, men under gränsen för behandlingssvar.",
      ),
      rule("remissionMaxTotal", "Remission: senaste summan är högst detta …"),
      rule("remissionMinBaseline", "… och räknas bara när utgångsvärdet var minst detta."),
    ],
  },
  {
    title: "Uppföljning över tid",
    fields: [
      rule("noBaselineDays", "Flaggan Saknar utgångsvärde när så många dagar gått utan utgångsvärde."),
      rule(
        "earlyNonResponseDays",
        "Flaggan Otillräcklig förbättring från denna dag om svaret är under delvis svar.",
      ),
      rule(
        "noResponseDays",
        "Flaggan Ej behandlingssvar – konsultgenomgång från denna dag utan behandlingssvar.",
      ),
      rule(
        "responseRecheckDays",
        "En hanterad flagga om behandlingssvar kan öppnas igen så många dagar senare.",
      ),
      rule(
        "overdueContactDays",
        "Flaggan Kontakt försenad när fler dagar än så gått sedan senaste kontakt med patienten.",
      ),
      rule("twelveWeekDays", "Flaggan 12 veckor – beslut från denna dag i insatsen (84 = vecka 12)."),
      rule("inactiveDays", "Flaggan Ingen kontakt när så många dagar gått utan kontakt med patienten."),
    ],
  },
  {
    title: "Tidig förbättring (råd, ingen flagga)",
    fields: [
      early(
        "percent",
        "Märket Ingen tidig förbättring när senaste summan sjunkit mindre än så många procent från utgångsvärdet …",
      ),
      early("fromDay", "… från denna dag i insatsen …"),
      early("toDay", "… till och med denna dag (dagen före Otillräcklig förbättring, som standard 41)."),
    ],
  },
  {
    title: "Självskattning via länk",
    fields: [
      {
        name: "selfReport.linkDays",
        label: SELF_REPORT_SETTING_LABEL.linkDays,
        hint: "En länk som inte använts slutar gälla efter så många dagar. 1–30.",
        min: 1,
        max: 30,
      },
    ],
  },
  {
    title: "Metodtrohet (VGR-metoden)",
    fields: [
      method("physicalMeetings", "Så många fysiska besök med patienten ska ha gjorts …"),
      method("physicalByDay", "… senast denna dag i insatsen."),
      method("contactWeeks", "Så många behandlingsveckor ska ha minst en kontakt med patienten."),
    ],
  },
];
