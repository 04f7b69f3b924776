import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  addDays,
  daysBetween,
  endOfStockholmDay,
  fromEpochDay,
  isLocalDate,
  shiftMonth,
  stockholmDate,
  stockholmMidnight,
  toEpochDay,
} from "@/lib/local-date";

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

describe("what is a local date", () => {
  it.each([
    ["2026-02-28", true],
    ["2028-02-29", true],
    ["2026-02-29", false],
    ["2026-02-30", false],
    ["2026-04-31", false],
    ["2026-13-01", false],
    ["2026-00-10", false],
    ["0050-01-01", false], // Date.UTC would read it as 1950
    ["x2026-01-01", false],
    ["2026-01-01x", false],
    ["2026-1-01", false],
  ])("%s: %s", (value, ok) => {
    expect(isLocalDate(value)).toBe(ok);
  });

  it("day arithmetic refuses what is not a date, naming it", () => {
    expect(() => addDays("31/12/2026", 1)).toThrow(/not a local date: 31\/12\/2026/);
  });
});

describe("Stockholm day boundaries", () => {
  it.each([
    ["2026-01-15", "2026-01-14T23:00:00.000Z"], // CET
    ["2026-07-15", "2026-07-14T22:00:00.000Z"], // CEST
    ["2026-03-29", "2026-03-28T23:00:00.000Z"], // the day summer time starts (at 02:00)
    ["2026-10-25", "2026-10-24T22:00:00.000Z"], // the day it ends (at 03:00)
  ])("%s begins at %s", (date, iso) => {
    expect(stockholmMidnight(date).toISOString()).toBe(iso);
  });

  it("property: an instant is made by a day exactly when it is before the day's end", () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date("2020-01-01"), max: new Date("2030-12-31"), noInvalidDate: true }),
        (instant) => {
          const day = stockholmDate(instant);
          expect(instant < endOfStockholmDay(day)).toBe(true);
          expect(instant >= stockholmMidnight(day)).toBe(true);
        },
      ),
    );
  });
});

describe("shiftMonth", () => {
  it.each([
    ["2026-11", 1, "2026-12"],
    ["2026-12", 1, "2027-01"],
    ["2026-01", -1, "2025-12"],
    ["2026-03", 0, "2026-03"],
    ["2026-05", -17, "2024-12"],
  ])("%s %i → %s", (month, by, expected) => {
    expect(shiftMonth(month, by)).toBe(expected);
  });
});

describe("the remembered conversions", () => {
  const intl = new Intl.DateTimeFormat("sv-SE", {
    timeZone: "Europe/Stockholm",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  });

  it("property: stockholmDate is Intl's answer for every instant, asked in any order and again", () => {
    fc.assert(
      fc.property(
        fc.array(fc.date({ min: new Date("1850-01-01"), max: new Date("2100-12-31"), noInvalidDate: true }), {
          minLength: 1,
          maxLength: 40,
        }),
        (instants) => {
          for (const instant of [...instants, ...instants.reverse()])
            expect(stockholmDate(instant)).toBe(intl.format(instant));
        },
      ),
    );
  });

  it.each([
    ["2026-03-29T00:59:59.999Z", "2026-03-29"],
    ["2026-03-29T01:00:00.000Z", "2026-03-29"],
    ["2026-10-24T21:59:59.999Z", "2026-10-24"],
    ["2026-10-24T22:00:00.000Z", "2026-10-25"],
    ["2026-10-25T22:59:59.999Z", "2026-10-25"],
    ["2026-10-25T23:00:00.000Z", "2026-10-26"],
  ])("the hour of a daylight-saving change: %s is %s", (iso, date) => {
    expect(stockholmDate(new Date(iso))).toBe(date);
    expect(stockholmDate(new Date(iso))).toBe(date);
  });

  it("asks Intl before 1900 (local mean time, not whole hours): two instants of one UTC hour, two dates", () => {
    expect(stockholmDate(new Date("1870-06-01T23:06:20Z"))).toBe("1870-06-01");
    expect(stockholmDate(new Date("1870-06-01T23:06:40Z"))).toBe("1870-06-02");
    expect(stockholmDate(new Date("1870-06-01T23:06:20Z"))).toBe("1870-06-01");
  });

  it("property: day numbers and dates convert both ways, as Date does, however often", () => {
    fc.assert(
      fc.property(fc.integer({ min: -40_000, max: 60_000 }), (day) => {
        const date = new Date(day * 86_400_000).toISOString().slice(0, 10);
        expect(fromEpochDay(day)).toBe(date);
        expect(toEpochDay(date)).toBe(day);
        expect(toEpochDay(fromEpochDay(day))).toBe(day);
      }),
    );
  });

  it("still refuses what is not a date, after remembering others", () => {
    expect(toEpochDay("2026-01-01")).toBe(toEpochDay("2026-01-01"));
    expect(() => toEpochDay("2026-1-1")).toThrow(RangeError);
  });
});
