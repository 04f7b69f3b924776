import { describe, expect, it } from "vitest";
import { formatChange, formatPersonnummer, formatReduction } from "./format";

describe("display formats", () => {
  it.each([
    [null, "–"],
    [0, "0 %"],
    [0.1, "10 %"],
    [0.505, "50 %"],
    [0.4999, "49 %"], // not "50 %": that would read as a response it is not
    [0.5, "50 %"],
    [0.29, "29 %"], // 0.29 × 100 is 28.999… in binary
    [-0.2, "-20 %"],
    [-0.205, "-20 %"],
  ])("reduction %s is shown as %s", (reduction, text) => {
    expect(formatReduction(reduction)).toBe(text);
  });

  it.each([
    [null, null],
    [0, "minskning 0 %"],
    [0.26, "minskning 26 %"],
    [-0.26, "ökning 26 %"],
    [-0.005, "ökning 0 %"],
  ])("the change %s is told as %s", (reduction, text) => {
    expect(formatChange(reduction)).toBe(text);
  });

  it("a personnummer is shown with its dash", () => {
    expect(formatPersonnummer("191212121212")).toBe("19121212-1212");
  });
});
