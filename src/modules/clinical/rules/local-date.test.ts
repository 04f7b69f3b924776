import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addDays, daysBetween, isLocalDate, stockholmDate } from "./local-date";

describe("local dates", () => {
  it.each([
    ["2026-02-28", true],
    ["2026-02-29", false],
    ["2028-02-29", true],
    ["2026-13-01", false],
    ["2026-1-01", false],
    ["20260101", false],
  ])("%s is a date: %s", (s, ok) => {
    expect(isLocalDate(s)).toBe(ok);
  });

  it("counts calendar days across daylight-saving changes", () => {
    expect(daysBetween("2026-03-28", "2026-03-30")).toBe(2); // spring forward on 29 March
    expect(daysBetween("2026-10-24", "2026-10-26")).toBe(2); // fall back on 25 October
    expect(addDays("2026-09-01", 84)).toBe("2026-11-24");
  });

  it("takes the Stockholm date of an instant, not the UTC one", () => {
    expect(stockholmDate(new Date("2026-11-22T23:30:00Z"))).toBe("2026-11-23");
    expect(stockholmDate(new Date("2026-07-01T21:59:00Z"))).toBe("2026-07-01");
    expect(stockholmDate(new Date("2026-07-01T22:00:00Z"))).toBe("2026-07-02");
  });

  it("property: addDays and daysBetween are inverse", () => {
    fc.assert(
      fc.property(fc.integer({ min: -3000, max: 3000 }), fc.integer({ min: -400, max: 400 }), (offset, n) => {
        const d = addDays("2026-01-01", offset);
        expect(isLocalDate(d)).toBe(true);
        expect(daysBetween(d, addDays(d, n))).toBe(n);
      }),
    );
  });
});
