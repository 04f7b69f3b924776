// Early improvement (domain.md, "Early improvement (advisory)"): an
// information signal before day 42, when EARLY_NON_RESPONSE can first fire,
// and a trend line on the chart. Advice, never a verdict: the absence of early
// improvement predicts non-response fairly well, its presence predicts
// response less reliably, and neither is validated for MADRS-S in
// care-manager care. Not a flag, not on the review list. Pure.
import type { LocalDate } from "@/lib/local-date";
import type { EpisodeFacts } from "./facts";
import { madrsTotal } from "./madrs";
import type { RuleSettings } from "./settings";
import { snapshot } from "./snapshot";

export type EarlyImprovementSettings = {
  /** "Ingen tidig förbättring" when the latest score is less than this many percent below the baseline … */
  percent: number;
  /** … on these days of the episode (inclusive). */
  fromDay: number;
  toDay: number;
};

/** domain.md's defaults: 20 %, days 14–41. */
export const DEFAULT_EARLY_IMPROVEMENT: EarlyImprovementSettings = { percent: 20, fromDay: 14, toDay: 41 };

/** Each setting's Swedish name, for the settings page and its errors. */
export const EARLY_IMPROVEMENT_LABEL: Record<keyof EarlyImprovementSettings, string> = {
  percent: "Tidig förbättring (%)",
  fromDay: "Tidig förbättring från dag",
  toDay: "Tidig förbättring till och med dag",
};

/**
 * True when the badge "Ingen tidig förbättring" shows as of `asOf`: an ACTIVE
 * episode on days fromDay–toDay, a baseline of at least the remission
 * baseline (13), a score after the baseline, the latest above the remission
 * limit (12), and less than `percent` below the baseline (exact integers:
 * 100·(b − l) < p·b).
 */
export function noEarlyImprovement(
  facts: EpisodeFacts,
  asOf: LocalDate,
  rules: RuleSettings,
  early: EarlyImprovementSettings = DEFAULT_EARLY_IMPROVEMENT,
): boolean {
  const snap = snapshot(facts, asOf, rules);
  if (snap.status !== "ACTIVE" || snap.days < early.fromDay || snap.days > early.toDay) return false;
  const { baseline, latest } = snap;
  if (!baseline || !latest || latest === baseline) return false;
  const b = madrsTotal(baseline.items);
  const l = madrsTotal(latest.items);
  if (b < rules.remissionMinBaseline || l <= rules.remissionMaxTotal) return false;
  return 100 * (b - l) < early.percent * b;
}

export type TrendScore = { day: number; total: number };
export type TrendPoint = { day: number; total: number; low: number; high: number };
export type Trend = {
  /** The fitted totals from the first score's day to `toDay`, one per day, with a 95 % band. */
  points: TrendPoint[];
  /** How many scores the fit rests on. */
  scores: number;
};

/** Student's t, two-sided 95 %, by degrees of freedom (1.96 beyond 30). */
const T95: Record<number, number> = {
  1: 12.706,
  2: 4.303,
  3: 3.182,
  4: 2.776,
  5: 2.571,
  6: 2.447,
  7: 2.365,
  8: 2.306,
  9: 2.262,
  10: 2.228,
  11: 2.201,
  12: 2.179,
  13: 2.16,
  14: 2.145,
  15: 2.131,
  16: 2.12,
  17: 2.11,
  18: 2.101,
  19: 2.093,
  20: 2.086,
  21: 2.08,
  22: 2.074,
  23: 2.069,
  24: 2.064,
  25: 2.06,
  26: 2.056,
  27: 2.052,
  28: 2.048,
  29: 2.045,
  30: 2.042,
};
const t95 = (df: number) => T95[df] ?? 1.96;

/** At least four scores spanning at least three weeks. */
export const MIN_TREND_SCORES = 4;
export const MIN_TREND_SPAN_DAYS = 21;

const clamp = (v: number) => Math.min(54, Math.max(0, v));

/**
 * The trend line: a least-squares fit of log(total + 1) on the day through the
 * patient's own scores, drawn to `toDay` (week 12) with a 95 % prediction band
 * (where a next score would fall if the course went on as so far), back on
 * the MADRS-S scale and clamped to 0–54. null with fewer than four scores or
 * a span under three weeks. "Trend, inte en prognos."
 */
export function trendLine(unordered: readonly TrendScore[], toDay: number): Trend | null {
  if (unordered.length < MIN_TREND_SCORES) return null;
  // In one order, so that the sums (and so the line) do not depend on the input's.
  const scores = [...unordered].sort((a, b) => a.day - b.day || a.total - b.total);
  const xs = scores.map((s) => s.day);
  const first = Math.min(...xs);
  if (Math.max(...xs) - first < MIN_TREND_SPAN_DAYS || toDay < first) return null;
  const ys = scores.map((s) => Math.log(s.total + 1));
  const n = scores.length;
  const mx = xs.reduce((a, b) => a + b, 0) / n;
  const my = ys.reduce((a, b) => a + b, 0) / n;
  let sxx = 0;
  let sxy = 0;
  for (let i = 0; i < n; i++) {
    sxx += (xs[i]! - mx) ** 2;
    sxy += (xs[i]! - mx) * (ys[i]! - my);
  }
  const slope = sxy / sxx;
  const intercept = my - slope * mx;
  let sse = 0;
  for (let i = 0; i < n; i++) sse += (ys[i]! - (intercept + slope * xs[i]!)) ** 2;
  const s = Math.sqrt(sse / (n - 2));
  const t = t95(n - 2);
  const points: TrendPoint[] = [];
  for (let d = first; d <= toDay; d++) {
    const fit = intercept + slope * d;
    const half = t * s * Math.sqrt(1 + 1 / n + (d - mx) ** 2 / sxx);
    points.push({
      day: d,
      total: clamp(Math.exp(fit) - 1),
      low: clamp(Math.exp(fit - half) - 1),
      high: clamp(Math.exp(fit + half) - 1),
    });
  }
  return { points, scores: n };
}
