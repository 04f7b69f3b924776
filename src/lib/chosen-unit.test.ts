import { describe, expect, it } from "vitest";
import { chosenUnit } from "./chosen-unit";

const A = "00000000-0000-4000-8000-00000000000a";
const B = "00000000-0000-4000-8000-00000000000b";

describe("chosenUnit", () => {
  it.each([
    [undefined, [A, B], A],
    ["", [A, B], A],
    [` ${B.toUpperCase()} `, [A, B], B],
    ["00000000-0000-4000-8000-00000000000c", [A, B], null],
    [[A, B], [A, B], A],
    [undefined, [], null],
  ] as const)("%j of %j → %s", (param, units, expected) => {
    expect(chosenUnit(param as string | string[] | undefined, units)).toBe(expected);
  });
});
