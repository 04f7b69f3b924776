// The patient's nine answers as the no-JavaScript form sends them (item1 …
// item9, each "0"–"6"). All nine are required: a form with a missing answer is
// no MADRS-S score. Pure.
import { MADRS_ITEM_COUNT, type MadrsItems } from "@/modules/clinical/rules/madrs";

export type ParsedAnswers =
  { ok: true; items: MadrsItems } | { ok: false; values: (number | null)[]; missing: number[] };

const ANSWER = /^[0-6]$/;

/** `field(i)` is the raw value of item i (0-based); anything but one digit 0–6 counts as missing. */
export function parseAnswers(field: (index: number) => unknown): ParsedAnswers {
  const values = Array.from({ length: MADRS_ITEM_COUNT }, (_, i) => {
    const raw = field(i);
    return typeof raw === "string" && ANSWER.test(raw.trim()) ? Number(raw) : null;
  });
  const missing = values.flatMap((v, i) => (v === null ? [i] : []));
  return missing.length === 0 ? { ok: true, items: values as number[] } : { ok: false, values, missing };
}

/**
 * Whether the confirmation says where to get help before anything else:
 * domain.md's Livslust ≥ 4, or the unit's suicide-risk limit if that is lower
 * (a unit may raise its flag's limit, never the patient's help).
 */
export const URGENT_HELP_ITEM9 = 4;
export const needsUrgentHelp = (item9: number, safetyRiskItem9: number): boolean =>
  item9 >= Math.min(URGENT_HELP_ITEM9, safetyRiskItem9);
