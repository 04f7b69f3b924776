import { addDays, type LocalDate } from "@/lib/local-date";
import type { Period } from "./report";

/** The period presets of the report's form, with their Swedish labels. */
export const PERIOD_PRESETS = {
  "12m": "Senaste 12 månaderna",
  manad: "Denna månad",
  kvartal: "Detta kvartal",
  ar: "I år",
  "forra-aret": "Förra året",
} as const;
export type PeriodPreset = keyof typeof PERIOD_PRESETS;

export const isPeriodPreset = (v: unknown): v is PeriodPreset =>
  typeof v === "string" && Object.hasOwn(PERIOD_PRESETS, v);

/** The dates of a preset period, as of `today` (the current ones end today). */
export function periodOf(preset: PeriodPreset, today: LocalDate): Period {
  const month = today.slice(0, 7);
  const year = Number(today.slice(0, 4));
  switch (preset) {
    case "manad":
      return { from: `${month}-01`, to: today };
    case "kvartal": {
      const q = Math.floor((Number(today.slice(5, 7)) - 1) / 3) * 3 + 1;
      return { from: `${year}-${String(q).padStart(2, "0")}-01`, to: today };
    }
    case "ar":
      return { from: `${year}-01-01`, to: today };
    case "forra-aret":
      return { from: `${year - 1}-01-01`, to: `${year - 1}-12-31` };
    case "12m": {
      // From the first of the month eleven months back.
      let from = `${month}-01`;
      for (let i = 0; i < 11; i++) from = `${addDays(from, -1).slice(0, 7)}-01`;
      return { from, to: today };
    }
  }
}
