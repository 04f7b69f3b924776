import { describe, expect, it } from "vitest";
import { DEFAULT_WORDING, parseWording } from "./wording";

describe("the self-report wording", () => {
  it("ships nine items with our own scale descriptions", () => {
    expect(DEFAULT_WORDING.items).toHaveLength(9);
    expect(DEFAULT_WORDING.items.at(-1)!.heading).toBe("Livslust");
    for (const item of DEFAULT_WORDING.items) expect(Object.keys(item.anchors)).toEqual(["0", "2", "4", "6"]);
  });

  it("reads a region's file in the same shape", () => {
    const file = { ...DEFAULT_WORDING, source: "Region X, licensierad text" };
    expect(parseWording(JSON.stringify(file)).source).toBe("Region X, licensierad text");
  });

  it.each([
    ["not JSON", "{", /not JSON/],
    [
      "eight items",
      JSON.stringify({ ...DEFAULT_WORDING, items: DEFAULT_WORDING.items.slice(1) }),
      /items.*nine/,
    ],
    [
      "an anchor beyond 6",
      JSON.stringify({
        ...DEFAULT_WORDING,
        items: DEFAULT_WORDING.items.map((i) => ({ ...i, anchors: { "7": "x" } })),
      }),
      /items\.0\.anchors/,
    ],
    [
      "an empty heading",
      JSON.stringify({
        ...DEFAULT_WORDING,
        items: DEFAULT_WORDING.items.map((i) => ({ ...i, heading: " " })),
      }),
      /heading/,
    ],
  ])("refuses %s and says where", (_what, text, message) => {
    expect(() => parseWording(text)).toThrow(message);
  });
});
