// A change of a unit's rule settings, as the verksamhetschef's form sends it:
// the core's own schemas decide what is valid (setting-schemas.ts),
// this adds the valid-from date and the preview's counting. Pure.
import { z } from "zod";
import { addDays, isLocalDate, type LocalDate } from "@/lib/local-date";
import type { MethodSettings } from "@/modules/clinical/rules/adherence";
import type { EarlyImprovementSettings } from "@/modules/clinical/rules/early-improvement";
import { FLAG_CODES, type FlagCode } from "@/modules/clinical/rules/flags";
import {
  ZEarlyImprovementSettings,
  ZMethodSettings,
  ZRuleSettings,
} from "@/modules/clinical/rules/setting-schemas";
import { RULE_SETTING_KEYS, type RuleSettings } from "@/modules/clinical/rules/settings";
import type { SelfReportSettings } from "@/modules/self-report/rules/link-settings";
import { ZSelfReportSettings } from "@/modules/self-report/rules/link-settings-schema";

export type UnitSettingsValues = {
  rules: RuleSettings;
  method: MethodSettings;
  early: EarlyImprovementSettings;
  selfReport: SelfReportSettings;
};

/** How far ahead a change may be planned. */
export const MAX_PLAN_DAYS = 366;

/**
 * Why a change cannot be valid from `validFrom`, or null. Today or a later
 * day, never an earlier one: an evaluation as of a past day must keep the
 * numbers it had (reports, visit preparations), so the past is not rewritten.
 */
export function validFromRefusal(validFrom: LocalDate, today: LocalDate): string | null {
  if (validFrom < today) return `Ändringen kan gälla från i dag (${today}) eller senare, inte bakåt.`;
  if (validFrom > addDays(today, MAX_PLAN_DAYS)) return "Ändringen kan planeras högst ett år framåt.";
  return null;
}

const toInt = (v: unknown) => (typeof v === "string" && /^\s*-?\d+\s*$/.test(v) ? Number(v) : v);

export const METHOD_KEYS = [
  "physicalMeetings",
  "physicalByDay",
  "contactWeeks",
] as const satisfies readonly (keyof MethodSettings)[];
const EARLY_KEYS = [
  "percent",
  "fromDay",
  "toDay",
] as const satisfies readonly (keyof EarlyImprovementSettings)[];
const SELF_REPORT_KEYS = ["linkDays"] as const satisfies readonly (keyof SelfReportSettings)[];

/** Every setting, by its group, in the form's order: the form's field is `<group>.<key>`. */
export const SETTING_KEYS = {
  rules: RULE_SETTING_KEYS,
  method: METHOD_KEYS,
  early: EARLY_KEYS,
  selfReport: SELF_REPORT_KEYS,
} as const;
type Group = keyof typeof SETTING_KEYS;
const GROUPS = Object.keys(SETTING_KEYS) as Group[];
const valueOf = (v: UnitSettingsValues, g: Group, k: string) => (v[g] as Record<string, number>)[k];

/** The settings as the form's fields: `rules.<key>` → value. */
export const flatSettings = (v: UnitSettingsValues): Record<string, number> =>
  Object.fromEntries(
    GROUPS.flatMap((g) => SETTING_KEYS[g].map((k): [string, number] => [`${g}.${k}`, valueOf(v, g, k) ?? 0])),
  );

/**
 * A change as the form sends it: one field per setting, named `rules.<key>`
 * and `method.<key>` as the core names them, so that a field error (its path
 * joined with dots) lands on the right input.
 */
export const ZSettingsChange = z.object({
  validFrom: z
    .string({ error: "Ange från vilket datum ändringen gäller." })
    .trim()
    .refine(isLocalDate, { error: "Ange datumet som ÅÅÅÅ-MM-DD." }),
  rules: ZRuleSettings,
  method: ZMethodSettings,
  early: ZEarlyImprovementSettings,
  selfReport: ZSelfReportSettings,
});

/** The flat form → the nested shape ZSettingsChange parses. */
export function settingsFromForm(form: Record<string, string>) {
  return {
    validFrom: form.validFrom,
    ...Object.fromEntries(
      GROUPS.map((g) => [g, Object.fromEntries(SETTING_KEYS[g].map((k) => [k, toInt(form[`${g}.${k}`])]))]),
    ),
  };
}

/** The settings that differ between two versions, as form field names, in the form's order. */
export function changedKeys(a: UnitSettingsValues, b: UnitSettingsValues): string[] {
  return GROUPS.flatMap((g) =>
    SETTING_KEYS[g].filter((k) => valueOf(a, g, k) !== valueOf(b, g, k)).map((k) => `${g}.${k}`),
  );
}

/** What the preview counts: how many episodes' open flags would change, and each flag's net change. */
export type FlagPreview = {
  episodes: number;
  changed: number;
  byCode: { code: FlagCode; before: number; after: number }[];
};

/** Compares each episode's open flag codes under the current and the proposed settings. */
export function compareFlags(pairs: readonly { before: readonly FlagCode[]; after: readonly FlagCode[] }[]) {
  const before = new Map<FlagCode, number>();
  const after = new Map<FlagCode, number>();
  let changed = 0;
  for (const p of pairs) {
    const a = new Set(p.before);
    const b = new Set(p.after);
    if (a.size !== b.size || [...a].some((c) => !b.has(c))) changed++;
    for (const c of a) before.set(c, (before.get(c) ?? 0) + 1);
    for (const c of b) after.set(c, (after.get(c) ?? 0) + 1);
  }
  const byCode = FLAG_CODES.map((code) => ({
    code,
    before: before.get(code) ?? 0,
    after: after.get(code) ?? 0,
  })).filter((r) => r.before !== r.after);
  return { episodes: pairs.length, changed, byCode } satisfies FlagPreview;
}
