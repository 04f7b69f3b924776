import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { MADRS_ITEMS, SEVERITY_LABEL, isValidItems, livslust, madrsTotal, severityBand } from "./madrs";

describe("MADRS-S", () => {
  it.each([
    [0, "NONE"],
    [12, "NONE"],
    [13, "MILD"],
    [19, "MILD"],
    [20, "MODERATE"],
    [34, "MODERATE"],
    [35, "SEVERE"],
    [54, "SEVERE"],
  ])("total %i is band %s", (total, band) => {
    expect(severityBand(total)).toBe(band);
  });

  it.each([
    [[1, 2, 3, 4, 5, 6, 0, 1, 2], true],
    [[1, 2, 3, 4, 5, 6, 0, 1], false], // 8 items
    [[1, 2, 3, 4, 5, 6, 0, 1, 2, 3], false], // 10 items (the clinician-rated MADRS)
    [[1, 2, 3, 4, 5, 6, 0, 1, 7], false], // an item of 7
    [[1, 2, 3, 4, 5, 6, 0, 1, -1], false],
    [[1, 2, 3, 4, 5, 6, 0, 1, 2.5], false],
    [[1, 2, 3, 4, 5, 6, 0, 1, "2"], false],
    [[1, 2, 3, 4, 5, 6, 0, 1, null], false],
  ])("%o valid: %s", (items, valid) => {
    expect(isValidItems(items)).toBe(valid);
  });

  it("property: a valid score's total lies in 0–54 and item 9 is the last item", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 6 }), { minLength: 9, maxLength: 9 }), (items) => {
        expect(isValidItems(items)).toBe(true);
        const total = madrsTotal(items);
        expect(total >= 0 && total <= 54).toBe(true);
        expect(livslust(items)).toBe(items[8]);
      }),
    );
  });
});

describe("the Swedish words of domain.md", () => {
  it("severity bands", () => {
    expect(SEVERITY_LABEL).toEqual({
      NONE: "Ingen/minimal",
      MILD: "Lätt",
      MODERATE: "Måttlig",
      SEVERE: "Svår",
    });
  });

  it("the nine items, item 9 Livslust", () => {
    expect(MADRS_ITEMS).toHaveLength(9);
    expect(MADRS_ITEMS[0]).toBe("Sinnesstämning");
    expect(MADRS_ITEMS[8]).toBe("Livslust");
  });
});
