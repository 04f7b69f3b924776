import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  DEFAULT_EARLY_IMPROVEMENT,
  noEarlyImprovement,
  trendLine,
  type TrendScore,
} from "./early-improvement";
import { DEFAULT_RULE_SETTINGS } from "./settings";
import { contact, day, episode, statusChange } from "./test-builders";

const badge = (facts: Parameters<typeof noEarlyImprovement>[0], asOfDay: number) =>
  noEarlyImprovement(facts, day(asOfDay), DEFAULT_RULE_SETTINGS);

/** Baseline on day 0, a later score on day 10. */
const course = (baseline: number, latest: number) =>
  episode({ contacts: [contact(0, baseline), contact(10, latest)] });

describe("Ingen tidig förbättring", () => {
  it.each([
    [25, 20, false, "exactly 20 % below: improvement enough"],
    [25, 21, true, "16 % below"],
    [25, 25, true, "no change"],
    [25, 30, true, "worse"],
    [30, 24, false, "20 % below"],
    [30, 25, true, "17 % below"],
    [12, 12, false, "a baseline of 12 is below 13"],
    [13, 13, true, "a baseline of 13 counts; 13 is above 12"],
    [14, 12, false, "the latest is already 12 or less"],
  ])("baseline %i, latest %i → %s (%s)", (b, l, shown) => {
    expect(badge(course(b, l), 20)).toBe(shown);
  });

  it.each([
    [13, false],
    [14, true],
    [41, true],
    [42, false],
  ])("on day %i → %s", (d, shown) => {
    expect(badge(course(25, 24), d)).toBe(shown);
  });

  it("needs a score after the baseline", () => {
    expect(badge(episode({ contacts: [contact(0, 30)] }), 20)).toBe(false);
    // Two scores on the baseline day: the second is after the baseline.
    expect(badge(episode({ contacts: [contact(0, 30), contact(0, 29)] }), 20)).toBe(true);
  });

  it("only while ACTIVE", () => {
    const facts = episode({
      contacts: [contact(0, 30), contact(10, 29)],
      statusChanges: [statusChange("DEACTIVATED", 15)],
    });
    expect(badge(facts, 14)).toBe(true);
    expect(badge(facts, 20)).toBe(false);
  });

  it("a baseline outside the baseline window is none", () => {
    expect(badge(episode({ contacts: [contact(15, 30), contact(20, 30)] }), 25)).toBe(false);
  });

  it("follows the unit's threshold and days", () => {
    const facts = course(25, 20);
    expect(
      noEarlyImprovement(facts, day(20), DEFAULT_RULE_SETTINGS, {
        ...DEFAULT_EARLY_IMPROVEMENT,
        percent: 25,
      }),
    ).toBe(true);
    expect(
      noEarlyImprovement(course(25, 24), day(12), DEFAULT_RULE_SETTINGS, {
        percent: 20,
        fromDay: 10,
        toDay: 12,
      }),
    ).toBe(true);
  });

  it("is the exact integer comparison 100·(b − l) < 20·b (property)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 13, max: 48 }),
        fc.integer({ min: 13, max: 48 }),
        fc.integer({ min: 14, max: 41 }),
        (b, l, d) => {
          expect(badge(course(b, l), d)).toBe(100 * (b - l) < 20 * b);
        },
      ),
    );
  });
});

const scores = (...pairs: [number, number][]): TrendScore[] => pairs.map(([d, total]) => ({ day: d, total }));

describe("the trend line", () => {
  it("needs four scores spanning three weeks", () => {
    expect(trendLine(scores([0, 30], [7, 28], [14, 26]), 84)).toBeNull();
    expect(trendLine(scores([0, 30], [7, 28], [14, 26], [20, 25]), 84)).toBeNull();
    expect(trendLine(scores([0, 30], [7, 28], [14, 26], [21, 25]), 84)).not.toBeNull();
  });

  it("a flat series is a flat line with no band", () => {
    const trend = trendLine(scores([0, 20], [7, 20], [14, 20], [21, 20]), 84)!;
    expect(trend.points).toHaveLength(85);
    for (const p of trend.points) {
      expect(p.total).toBeCloseTo(20, 9);
      expect(p.low).toBeCloseTo(20, 9);
      expect(p.high).toBeCloseTo(20, 9);
    }
  });

  it("an exponential course is fitted exactly and drawn on to week 12", () => {
    // total + 1 = 31 · e^(−0.02·day)
    const series = [0, 7, 14, 21, 28].map((d) => ({ day: d, total: 31 * Math.exp(-0.02 * d) - 1 }));
    const trend = trendLine(series, 84)!;
    const at84 = trend.points.at(-1)!;
    expect(at84.day).toBe(84);
    expect(at84.total).toBeCloseTo(31 * Math.exp(-0.02 * 84) - 1, 6);
    expect(at84.high - at84.low).toBeCloseTo(0, 6);
  });

  it("a known noisy series: the fit and its 95 % prediction band (checked by hand)", () => {
    const trend = trendLine(scores([0, 30], [7, 26], [14, 27], [21, 20]), 84)!;
    const at = (d: number) => trend.points.find((p) => p.day === d)!;
    expect(at(21).total).toBeCloseTo(21.35, 2);
    expect(at(21).low).toBeCloseTo(12.122, 2);
    expect(at(21).high).toBeCloseTo(37.067, 2);
    expect(at(84).total).toBeCloseTo(7.069, 2);
    expect(at(84).low).toBeCloseTo(0.124, 2);
    expect(at(84).high).toBe(54);
  });

  it("a zero score is fine, and nothing is drawn below 0 or above 54", () => {
    const trend = trendLine(scores([0, 40], [7, 10], [14, 2], [21, 0], [28, 0]), 84)!;
    for (const p of trend.points) {
      expect(p.low).toBeGreaterThanOrEqual(0);
      expect(p.high).toBeLessThanOrEqual(54);
    }
    const rising = trendLine(scores([0, 20], [7, 30], [14, 40], [21, 50]), 84)!;
    expect(rising.points.at(-1)!.total).toBe(54);
  });

  it("the band holds the line, within 0–54, whatever the scores (property)", () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: 0, max: 84 }), { minLength: 4, maxLength: 12 }),
        fc.array(fc.integer({ min: 0, max: 54 }), { minLength: 12, maxLength: 12 }),
        (days, totals) => {
          const series = days.map((d, i) => ({ day: d, total: totals[i]! }));
          const trend = trendLine(series, 84);
          const span = Math.max(...days) - Math.min(...days);
          if (span < 21) {
            expect(trend).toBeNull();
            return;
          }
          expect(trend).not.toBeNull();
          for (const p of trend!.points) {
            expect(p.low).toBeLessThanOrEqual(p.total + 1e-9);
            expect(p.total).toBeLessThanOrEqual(p.high + 1e-9);
            expect(p.low).toBeGreaterThanOrEqual(0);
            expect(p.high).toBeLessThanOrEqual(54);
          }
          // The order of the scores does not matter.
          expect(trendLine([...series].reverse(), 84)).toEqual(trend);
        },
      ),
    );
  });
});
