import { describe, expect, it } from "vitest";
import { formatPersonnummer, formatReduction } from "./format";

describe("display formats", () => {
  it.each([
    [null, "–"],
    [0, "0 %"],
    [0.1, "10 %"],
    [0.505, "51 %"],
    [-0.2, "-20 %"],
  ])("reduction %s is shown as %s", (reduction, text) => {
    expect(formatReduction(reduction)).toBe(text);
  });

  it("a personnummer is shown with its dash", () => {
    expect(formatPersonnummer("191212121212")).toBe("19121212-1212");
  });
});
