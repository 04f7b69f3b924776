import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { needsUrgentHelp, parseAnswers } from "./answers";

const from = (values: unknown[]) => (i: number) => values[i];

describe("parseAnswers", () => {
  it("takes nine answers 0–6", () => {
    expect(parseAnswers(from(["0", "1", "2", "3", "4", "5", "6", "0", "5"]))).toEqual({
      ok: true,
      items: [0, 1, 2, 3, 4, 5, 6, 0, 5],
    });
  });

  it("takes an answer with spaces around it (a form field as sent)", () => {
    expect(parseAnswers(from([" 0", "1 ", " 2 ", "3", "4", "5", "6", "0", "5"]))).toMatchObject({ ok: true });
  });

  it.each([
    ["a missing answer", [null, "1", "1", "1", "1", "1", "1", "1", "1"], [0]],
    ["7", ["1", "1", "1", "1", "1", "1", "1", "1", "7"], [8]],
    ["a negative", ["-1", "1", "1", "1", "1", "1", "1", "1", "1"], [0]],
    ["a decimal", ["1", "1.5", "1", "1", "1", "1", "1", "1", "1"], [1]],
    ["text", ["1", "1", "x", "1", "1", "1", "1", "1", "1"], [2]],
    ["nothing at all", [], [0, 1, 2, 3, 4, 5, 6, 7, 8]],
  ])("refuses %s and keeps the others", (_what, values, missing) => {
    const r = parseAnswers(from(values));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.missing).toEqual(missing);
    // What the patient chose is kept for the form shown again.
    r.values.forEach((v, i) => expect(v).toBe(missing.includes(i) ? null : Number(values[i])));
  });

  it("accepts exactly the forms where every item is a digit 0–6", () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.integer({ min: -3, max: 9 }).map(String), fc.constant(null)), {
          minLength: 9,
          maxLength: 9,
        }),
        (values) => {
          const valid = values.every((v) => v !== null && Number(v) >= 0 && Number(v) <= 6);
          expect(parseAnswers(from(values)).ok).toBe(valid);
        },
      ),
    );
  });
});

describe("needsUrgentHelp", () => {
  it.each([
    [3, 4, false],
    [4, 4, true],
    [3, 3, true],
    // A unit that raised its flag's limit to 6 still tells a patient who answered 4 where to get help first.
    [4, 6, true],
    [5, 6, true],
    [3, 6, false],
  ])("Livslust %i with the unit's limit %i → %s", (item9, limit, urgent) => {
    expect(needsUrgentHelp(item9, limit)).toBe(urgent);
  });
});
