import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { placeBox } from "./flag-reason";

const win = { width: 1000, height: 800 };
const box = { width: 300, height: 60 };

describe("placeBox: where a flag's reason opens", () => {
  it.each([
    ["above the badge, at its left edge", { top: 400, bottom: 420, left: 100 }, { top: 336, left: 100 }],
    ["below when there is no room above", { top: 30, bottom: 50, left: 100 }, { top: 54, left: 100 }],
    ["moved left to stay inside the window", { top: 400, bottom: 420, left: 900 }, { top: 336, left: 692 }],
    ["never left of the margin", { top: 400, bottom: 420, left: -50 }, { top: 336, left: 8 }],
  ])("%s", (_, badge, expected) => {
    expect(placeBox(badge, box, win)).toEqual(expected);
  });

  it("stays inside the window whenever it fits, and never covers the badge when there is room", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 780 }),
        fc.integer({ min: -100, max: 1100 }),
        fc.integer({ min: 20, max: 200 }),
        (top, left, height) => {
          const badge = { top, bottom: top + 20, left };
          const p = placeBox(badge, { width: 300, height }, win);
          expect(p.left).toBeGreaterThanOrEqual(8);
          expect(p.left + 300).toBeLessThanOrEqual(win.width - 8);
          expect(p.top).toBeGreaterThanOrEqual(8);
          const roomAbove = badge.top - 4 - height >= 8;
          const roomBelow = badge.bottom + 4 + height <= win.height - 8;
          if (roomAbove || roomBelow) {
            const overlaps = p.top < badge.bottom && p.top + height > badge.top;
            expect(overlaps).toBe(false);
            expect(p.top + height).toBeLessThanOrEqual(win.height - 8);
          }
        },
      ),
    );
  });
});
