import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { luhnCheckDigit, parseIdentityNumber } from "./identity";

const TODAY = "2026-11-22";
const parse = (s: string) => parseIdentityNumber(s, TODAY);
/** A number with a correct check digit for the given YYMMDDNNN. */
const valid = (nine: string) => `${nine}${luhnCheckDigit(nine)}`;

describe("identity numbers", () => {
  it.each([
    ["19121212-1212", "191212121212"],
    ["191212121212", "191212121212"],
    ["121212-1212", "201212121212"], // short form: the century that makes the person under 100
    ["1212121212", "201212121212"],
    ["121212+1212", "191212121212"], // + : 100 years or older
    [`19${valid("701063239")}`, "197010632391"], // samordningsnummer: day + 60
    [`${valid("701063239").slice(0, 6)}-${valid("701063239").slice(6)}`, "197010632391"],
  ])("%s → %s", (input, normalized) => {
    expect(parse(input)).toMatchObject({ ok: true, normalized });
  });

  it("tells a samordningsnummer from a personnummer", () => {
    expect(parse("19701063-2391")).toMatchObject({ kind: "SAMORDNINGSNUMMER" });
    expect(parse("19121212-1212")).toMatchObject({ kind: "PERSONNUMMER" });
  });

  it.each([
    ["19121212-1211", /Kontrollsiffran/],
    [`19${valid("900230123")}`, /Datumet/], // 30 February
    [`19${valid("901301123")}`, /Datumet/], // month 13
    [`20${valid("261231123")}`, /framtiden/], // born after today
    [`19${valid("300101000")}`, /Födelsenumret 000/],
    ["19121212+1212", /Ange personnummer/], // + only in the short form
    ["1212-1212", /Ange personnummer/],
    ["abcdefghijkl", /Ange personnummer/],
    ["", /Ange personnummer/],
  ])("%s is refused: %s", (input, message) => {
    const result = parse(input);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toMatch(message);
  });

  it("property: every valid 12-digit number normalises to itself, whatever the separator", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1930, max: 2020 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 28 }),
        fc.integer({ min: 1, max: 999 }),
        (year, month, day, serial) => {
          const nine = `${String(year).slice(2)}${String(month).padStart(2, "0")}${String(day).padStart(2, "0")}${String(serial).padStart(3, "0")}`;
          const full = `${String(year).slice(0, 2)}${valid(nine)}`;
          expect(parse(full)).toMatchObject({ ok: true, normalized: full });
          expect(parse(`${full.slice(0, 8)}-${full.slice(8)}`)).toMatchObject({ ok: true, normalized: full });
        },
      ),
    );
  });
});
