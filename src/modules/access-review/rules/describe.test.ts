import { describe, expect, it } from "vitest";
import { FLAG_CODES } from "@/modules/clinical/rules/flags";
import { describeTarget } from "./describe";

describe("the log's targets in neutral words", () => {
  it.each([
    ["episode:6b2c/flag", "episode:6b2c:flag:SAFETY_RISK", "flagghantering"],
    ["status", "episode:6b2c:status:COMPLETED", "statusändring"],
    ["episode as of a date", "episode:6b2c?asOf=2026-12-01", "insats"],
    ["contact form", "episode:6b2c:contact-form", "kontaktformulär"],
    ["contact", "contact:91aa", "kontakt"],
    ["a patient", "patient:12ab", "patientuppgifter"],
    ["registering one", "patient", "patientuppgifter"],
    ["a search", "patient-search:personnummer", "sökning på personnummer"],
    ["a question", "review-request:77", "fråga till psykiatern"],
    ["a read receipt", "recommendation:88:read", "rekommendation, markerad som läst"],
    ["an agenda", "visit:99:agenda", "konsultbesökets dagordning"],
    ["the review list", "review-list?asOf=2026-12-01", "konsultlista"],
    ["the caseload", "caseload", "patientlista"],
    ["an export", "research-export:episodes:2026-01-01..2026-12-01", "forskningsexport"],
    ["a log extract", "log-extract:2026-01-01..2026-12-01:pdf", "logglista"],
    ["a documented review", "log-review:5f", "logggranskning"],
    ["the unit's rules", "unit-settings:3a:from:2026-12-04", "enhetens regler"],
    ["the unit's details", "unit:3a:details", "enhetens uppgifter"],
    ["one's own password", "user:4b:password", "eget lösenord"],
    ["an account", "user:4b:deactivate", "användarkonto"],
    ["something new", "something-else", "annat"],
  ])("%s", (_name, target, words) => {
    expect(describeTarget(target)).toBe(words);
  });

  it("never shows a flag code, whatever the target", () => {
    for (const code of FLAG_CODES) {
      for (const target of [`episode:1:flag:${code}`, `episode:1:${code}`, code, `x:${code}`]) {
        expect(describeTarget(target)).not.toContain(code);
      }
    }
  });
});
