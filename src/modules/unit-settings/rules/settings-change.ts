// A change of a unit's rule settings, as the verksamhetschef's form sends it:
// the core's own schemas decide what is valid (ZRuleSettings, ZMethodSettings),
// this adds the valid-from date and the preview's counting. Pure.
import { z } from "zod";
import { addDays, isLocalDate, type LocalDate } from "@/lib/local-date";
import { ZMethodSettings, type MethodSettings } from "@/modules/clinical/rules/adherence";
import { FLAG_CODES, type FlagCode } from "@/modules/clinical/rules/flags";
import { RULE_SETTING_KEYS, ZRuleSettings, type RuleSettings } from "@/modules/clinical/rules/settings";

export type UnitSettingsValues = { rules: RuleSettings; method: MethodSettings };

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
});

/** The flat form → the nested shape ZSettingsChange parses. */
export function settingsFromForm(form: Record<string, string>) {
  return {
    validFrom: form.validFrom,
    rules: Object.fromEntries(RULE_SETTING_KEYS.map((k) => [k, toInt(form[`rules.${k}`])])),
    method: Object.fromEntries(METHOD_KEYS.map((k) => [k, toInt(form[`method.${k}`])])),
  };
}

/** The settings that differ between two versions, as form field names, in the form's order. */
export function changedKeys(a: UnitSettingsValues, b: UnitSettingsValues): string[] {
  return [
    ...RULE_SETTING_KEYS.filter((k) => a.rules[k] !== b.rules[k]).map((k) => `rules.${k}`),
    ...METHOD_KEYS.filter((k) => a.method[k] !== b.method[k]).map((k) => `method.${k}`),
  ];
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
