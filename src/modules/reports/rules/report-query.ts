// The report's address: unit, and a preset period or two dates. The page and
// its downloads read it the same way; a bad period says why and falls back to
// the last 12 months, a unit that is not the user's is "not found".
import { chosenUnit } from "@/lib/chosen-unit";
import { daysBetween, isLocalDate, type LocalDate } from "@/lib/local-date";
import { isPeriodPreset, periodOf, type PeriodPreset } from "./period";
import type { Period } from "./report";

/** Five years: the longest period a report takes. */
export const MAX_PERIOD_DAYS = 5 * 366;

export type ReportQuery = {
  /** null: not one of the user's units (or no unit at all). */
  unitId: string | null;
  period: Period;
  preset: PeriodPreset | null;
  /** Why the dates typed were not taken, and the dates as typed (the form shows them again). */
  error?: string;
  typed?: { from: string; to: string };
};

const one = (v: string | string[] | undefined) => (typeof v === "string" ? v.trim() : "");

export function parseReportQuery(
  params: Record<string, string | string[] | undefined>,
  unitIds: readonly string[],
  today: LocalDate,
): ReportQuery {
  const unitId = chosenUnit(params.unitId, unitIds);
  const from = one(params.from);
  const to = one(params.to);
  const fallback = { unitId, period: periodOf("12m", today), preset: "12m" as const, typed: { from, to } };
  if (from === "" && to === "") {
    const preset = isPeriodPreset(params.period) ? params.period : "12m";
    return { unitId, period: periodOf(preset, today), preset };
  }
  if (!isLocalDate(from) || !isLocalDate(to))
    return { ...fallback, error: "Ange båda datumen som ÅÅÅÅ-MM-DD. Visar de senaste 12 månaderna." };
  if (from > to)
    return { ...fallback, error: "Från-datumet ligger efter till-datumet. Visar de senaste 12 månaderna." };
  if (daysBetween(from, to) > MAX_PERIOD_DAYS)
    return { ...fallback, error: "En period får vara högst fem år. Visar de senaste 12 månaderna." };
  return { unitId, period: { from, to }, preset: null };
}
