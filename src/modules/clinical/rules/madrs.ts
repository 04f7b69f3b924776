// MADRS-S, the self-rated Montgomery–Åsberg Depression Rating Scale
// (Svanborg & Åsberg 1994): nine items scored 0–6, total 0–54. Not the
// clinician-rated MADRS (ten items, 0–60).

export const MADRS_ITEMS = [
  "Sinnesstämning",
  "Oroskänslor",
  "Sömn",
  "Matlust",
  "Koncentrationsförmåga",
  "Initiativförmåga",
  "Känslomässigt engagemang",
  "Pessimism",
  "Livslust",
] as const;

export const MADRS_ITEM_COUNT = 9;
export const MADRS_ITEM_MAX = 6;
/** Item 9, Livslust: the suicide item (index 8). */
export const LIVSLUST_INDEX = 8;

export type MadrsItems = readonly number[];

export const isValidItems = (items: readonly unknown[]): items is MadrsItems =>
  items.length === MADRS_ITEM_COUNT &&
  // Number.isInteger is false for anything that is not a number.
  items.every((i) => Number.isInteger(i) && (i as number) >= 0 && (i as number) <= MADRS_ITEM_MAX);

export const madrsTotal = (items: MadrsItems): number => items.reduce((sum, i) => sum + i, 0);

export const livslust = (items: MadrsItems): number => items[LIVSLUST_INDEX] ?? 0;

export type SeverityBand = "NONE" | "MILD" | "MODERATE" | "SEVERE";

/** 0–12 none/minimal, 13–19 mild, 20–34 moderate, ≥ 35 severe. */
export function severityBand(total: number): SeverityBand {
  if (total >= 35) return "SEVERE";
  if (total >= 20) return "MODERATE";
  if (total >= 13) return "MILD";
  return "NONE";
}

export const SEVERITY_LABEL: Record<SeverityBand, string> = {
  NONE: "Ingen/minimal",
  MILD: "Lätt",
  MODERATE: "Måttlig",
  SEVERE: "Svår",
};
