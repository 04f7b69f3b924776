import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { FLAG_CODES, type FlagCode } from "@/modules/clinical/rules/flags";
import {
  SORT_KEYS,
  applyCaseloadQuery,
  matches,
  parseCaseloadQuery,
  urgency,
  type CaseloadSortable,
} from "./caseload-query";

const row = (name: string, over: Partial<CaseloadSortable> = {}): CaseloadSortable => ({
  name,
  personnummer: "191212121212",
  week: 5,
  baseline: 30,
  latest: 20,
  reduction: 1 / 3,
  lastContact: "2026-11-30",
  nextPlanned: "2026-12-07",
  flags: [],
  adherenceShare: 1,
  ...over,
});
const q = (params: Record<string, string> = {}) => parseCaseloadQuery(params);
const names = (rows: readonly CaseloadSortable[]) => rows.map((r) => r.name);

describe("the caseload's query in the URL", () => {
  it("defaults: my patients, most urgent flag first", () => {
    expect(q()).toEqual({ vy: "mina", sortera: "flaggor", ordning: "stigande", sok: "", flagga: undefined });
  });

  it("unknown values fall back to the defaults instead of an error", () => {
    expect(q({ vy: "alla", sortera: "x", ordning: "upp", flagga: "NOPE" })).toEqual(q());
    expect(q({ vy: "", ordning: "" })).toEqual(q());
    expect(q({ sok: "x".repeat(101) }).sok).toBe("");
    expect(q({ sok: "  tolv  " }).sok).toBe("tolv");
  });

  it("takes the first of repeated values, and the known ones", () => {
    expect(
      parseCaseloadQuery({
        vy: ["enheten", "mina"],
        sortera: "vecka",
        ordning: "fallande",
        flagga: "SEVERE",
      }),
    ).toMatchObject({ vy: "enheten", sortera: "vecka", ordning: "fallande", flagga: "SEVERE" });
  });
});

describe("search by name or identity number", () => {
  it.each([
    ["Tolvan Tolvansson", "tolv", true],
    ["Tolvan Tolvansson", "TOLVANSSON tolvan", true],
    ["Tolvan Tolvansson", "tolvan x", false],
    ["Åsa Öberg", "åsa", true],
    ["Åsa Öberg", "asa", false], // å is its own letter in Swedish
    ["José Ek", "jose", true], // other accents fold
    ["Renée Ek", "renee", true],
    ["Äsa Ek", "åsa", false], // å, ä and ö are three letters
    ["Ada Ek", "å", false],
    ["Ada Ek", "ä", false],
    ["Odd Ek", "ö", false],
    ["Tolvan Tolvansson", "", true],
    ["Tolvan Tolvansson", "   ", true],
  ])("%s matches %j: %s", (name, search, ok) => {
    expect(matches({ name, personnummer: "191212121212" }, search)).toBe(ok);
  });

  it.each([
    ["19121212-1212", true],
    ["121212-1212", true],
    ["1212121212", true],
    ["1212", true],
    ["191212121213", false],
    ["121", false], // too short to be a number search: searched as a name
    ["1212ab", false], // not only digits: searched as a name
  ])("personnummer %s: %s", (search, ok) => {
    expect(matches({ name: "Tolvan", personnummer: "191212121212" }, search)).toBe(ok);
  });
});

describe("sort, filter and counts", () => {
  const rows = [
    row("Berit", { flags: ["OVERDUE_CONTACT"], week: 3, nextPlanned: null }),
    row("Adam", { flags: ["SAFETY_CHECK", "OVERDUE_CONTACT"], week: 9, reduction: null }),
    row("Cecilia", { flags: [], week: 12, adherenceShare: null }),
    row("Östen", { flags: ["SAFETY_RISK"], week: 1, lastContact: "2026-12-01" }),
  ];

  it("by default the most urgent flag first, rows without flags last", () => {
    expect(names(applyCaseloadQuery(rows, q()).rows)).toEqual(["Östen", "Adam", "Berit", "Cecilia"]);
  });

  it.each([
    [{ sortera: "namn" }, ["Adam", "Berit", "Cecilia", "Östen"]], // Ö after C, as in Swedish
    [{ sortera: "namn", ordning: "fallande" }, ["Östen", "Cecilia", "Berit", "Adam"]],
    [{ sortera: "vecka" }, ["Östen", "Berit", "Adam", "Cecilia"]],
    [{ sortera: "vecka", ordning: "fallande" }, ["Cecilia", "Adam", "Berit", "Östen"]],
    [{ sortera: "planerad" }, ["Adam", "Cecilia", "Östen", "Berit"]], // no plan: last
    [{ sortera: "planerad", ordning: "fallande" }, ["Adam", "Cecilia", "Östen", "Berit"]], // still last
    [{ sortera: "minskning", ordning: "fallande" }, ["Berit", "Cecilia", "Östen", "Adam"]],
    [{ sortera: "metod" }, ["Adam", "Berit", "Östen", "Cecilia"]],
    [{ sortera: "kontakt", ordning: "fallande" }, ["Östen", "Adam", "Berit", "Cecilia"]],
  ])("%o", (params, order) => {
    expect(names(applyCaseloadQuery(rows, q(params)).rows)).toEqual(order);
  });

  it("a flag filter shows only rows with that flag; the counts are per flag over the search", () => {
    const r = applyCaseloadQuery(rows, q({ flagga: "OVERDUE_CONTACT" }));
    expect(names(r.rows)).toEqual(["Adam", "Berit"]);
    expect(r.counts).toMatchObject({ OVERDUE_CONTACT: 2, SAFETY_CHECK: 1, SAFETY_RISK: 1, SEVERE: 0 });
    expect(r.total).toBe(4);
    expect(r.searched).toBe(4);
    expect(applyCaseloadQuery(rows, q({ sok: "adam", flagga: "OVERDUE_CONTACT" })).searched).toBe(1);
    expect(applyCaseloadQuery(rows, q({ sok: "adam" })).counts).toMatchObject({
      OVERDUE_CONTACT: 1,
      SAFETY_RISK: 0,
    });
  });

  it("numbers sort as numbers (a reduction of 25 % before 50 %), names with digits as a person reads them", () => {
    const rs = [row("B", { reduction: 0.5 }), row("A", { reduction: 0.25 }), row("C", { reduction: -0.1 })];
    expect(names(applyCaseloadQuery(rs, q({ sortera: "minskning" })).rows)).toEqual(["C", "A", "B"]);
    const ls = [row("B", { latest: 9 }), row("A", { latest: 30 }), row("C", { latest: null })];
    expect(names(applyCaseloadQuery(ls, q({ sortera: "senaste" })).rows)).toEqual(["B", "A", "C"]);
    const ps = [row("P10"), row("P2"), row("P1")];
    expect(names(applyCaseloadQuery(ps, q({ sortera: "namn" })).rows)).toEqual(["P1", "P2", "P10"]);
  });

  it("rows without a value keep their name order, whichever the direction", () => {
    const rs = [
      row("C", { nextPlanned: null }),
      row("B", { nextPlanned: null }),
      row("A", { nextPlanned: null }),
    ];
    for (const ordning of ["stigande", "fallande"])
      expect(names(applyCaseloadQuery(rs, q({ sortera: "planerad", ordning })).rows)).toEqual([
        "A",
        "B",
        "C",
      ]);
  });

  it("urgency follows the flag table's display order", () => {
    expect(urgency(["OVERDUE_CONTACT", "SAFETY_RISK"])).toBe(0);
    expect(urgency([])).toBe(Number.POSITIVE_INFINITY);
  });

  it("property: every sort keeps every row once, and a flag filter keeps exactly the rows with the flag", () => {
    const arbRow = fc.record({
      name: fc.string({ maxLength: 6 }),
      personnummer: fc.constant("191212121212"),
      week: fc.option(fc.integer({ min: 1, max: 20 }), { nil: null }),
      baseline: fc.option(fc.integer({ min: 0, max: 54 }), { nil: null }),
      latest: fc.option(fc.integer({ min: 0, max: 54 }), { nil: null }),
      reduction: fc.option(fc.double({ min: -1, max: 1, noNaN: true }), { nil: null }),
      lastContact: fc.option(fc.constantFrom("2026-11-01", "2026-11-15"), { nil: null }),
      nextPlanned: fc.option(fc.constantFrom("2026-12-01", "2026-12-08"), { nil: null }),
      flags: fc.subarray([...FLAG_CODES] as FlagCode[]),
      adherenceShare: fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { nil: null }),
    });
    fc.assert(
      fc.property(
        fc.array(arbRow, { maxLength: 12 }),
        fc.constantFrom(...SORT_KEYS),
        fc.constantFrom("stigande", "fallande"),
        fc.option(fc.constantFrom(...FLAG_CODES), { nil: undefined }),
        (rs, sortera, ordning, flagga) => {
          const out = applyCaseloadQuery(rs, { vy: "mina", sortera, ordning, sok: "", flagga }).rows;
          const expected = flagga ? rs.filter((r) => r.flags.includes(flagga)) : rs;
          expect(out).toHaveLength(expected.length);
          expect(new Set(out)).toEqual(new Set(expected));
        },
      ),
    );
  });
});
