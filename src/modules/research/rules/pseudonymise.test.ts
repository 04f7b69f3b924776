import { describe, expect, it } from "vitest";
import { ageBand, birthDate, episodeKey, personPseudonym, sexOf } from "./pseudonymise";

describe("pseudonymisation", () => {
  it("the same identity and key give the same pseudonym; another key or number another one", () => {
    const a = personPseudonym("nyckel-1", "191212121212");
    expect(a).toMatch(/^[0-9a-f]{64}$/);
    expect(personPseudonym("nyckel-1", "191212121212")).toBe(a);
    expect(personPseudonym("nyckel-2", "191212121212")).not.toBe(a);
    expect(personPseudonym("nyckel-1", "191212121213")).not.toBe(a);
    // Not the plain hash of the number: without the key nobody can recompute it.
    expect(a).not.toContain("191212121212");
    expect(episodeKey("nyckel-1", "e1")).toMatch(/^[0-9a-f]{20}$/);
    expect(episodeKey("nyckel-1", "e1")).not.toBe(episodeKey("nyckel-1", "e2"));
  });

  it.each([
    ["191212121212", "M"],
    ["198001019802", "K"],
    ["199001019813", "M"],
  ])("the sex of %s is %s", (identity, sex) => {
    expect(sexOf(identity)).toBe(sex);
  });

  it("the birth date of a samordningsnummer is its day less 60", () => {
    expect(birthDate("198001619802")).toBe("1980-01-01");
    expect(birthDate("198001019802")).toBe("1980-01-01");
  });

  it.each([
    ["200901020000", "2026-12-01", "<18"],
    ["200812020000", "2026-12-01", "<18"], // 18 tomorrow
    ["200812010000", "2026-12-01", "18–24"], // 18 today
    ["200112010000", "2026-12-01", "25–34"],
    ["199112020000", "2026-12-01", "25–34"], // 34
    ["199112010000", "2026-12-01", "35–44"],
    ["195212010000", "2026-12-01", "65–74"],
    ["195112010000", "2026-12-01", "75+"],
  ])("%s on %s is in the band %s", (identity, date, band) => {
    expect(ageBand(identity, date)).toBe(band);
  });
});
