// The summary today's lists read (and the stored evaluations keep): the core's
// evaluation with each flag's since, every score, the last contact and method
// adherence, as one pure function.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DEFAULT_METHOD_SETTINGS, methodAdherence } from "./adherence";
import { evaluateEpisode } from "./evaluate";
import { scoreSeries, type CoreContact } from "./facts";
import { DEFAULT_RULE_SETTINGS } from "./settings";
import { summarizeEpisode } from "./summary";
import { contact, day, episode } from "./test-builders";

const SETTINGS = { rules: DEFAULT_RULE_SETTINGS, method: DEFAULT_METHOD_SETTINGS };
const selfReport = (dayNo: number, total: number): CoreContact => ({
  ...contact(dayNo, total),
  type: "SELF_REPORT",
  reached: false,
});

describe("summarizeEpisode", () => {
  it.each([
    ["no contact yet", [], null],
    [
      "the latest contact, an attempt included",
      [contact(0, 30), contact(9, null, { reached: false })],
      day(9),
    ],
    ["not a self-report: the patient's form is not work done", [contact(0, 30), selfReport(12, 20)], day(0)],
    [
      "contacts with other counterparts count",
      [contact(0, 30), contact(5, null, { counterpart: "FORSAKRINGSKASSAN" })],
      day(5),
    ],
  ])("last contact: %s", (_, contacts, expected) => {
    expect(summarizeEpisode(episode({ contacts }), day(20), SETTINGS).lastContactDate).toBe(expected);
  });

  it("is the core's evaluation with since, the score series and adherence", () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ d: fc.integer({ min: 0, max: 90 }), total: fc.integer({ min: 0, max: 48 }) }), {
          maxLength: 12,
        }),
        fc.integer({ min: 0, max: 120 }),
        (scores, asOf) => {
          const facts = episode({ contacts: scores.map((s) => contact(s.d, s.total)) });
          const summary = summarizeEpisode(facts, day(asOf), SETTINGS);
          expect(summary.evaluation).toEqual(evaluateEpisode(facts, day(asOf), SETTINGS.rules));
          expect(summary.scores).toEqual(scoreSeries(facts));
          expect(summary.adherence).toEqual(methodAdherence(facts, day(asOf), SETTINGS.method));
        },
      ),
    );
  });

  it("survives being stored: its JSON is itself", () => {
    const facts = episode({ contacts: [contact(0, 30), contact(40, 31, { item9: 4 })] });
    const summary = summarizeEpisode(facts, day(60), SETTINGS);
    expect(summary.evaluation.flags.length).toBeGreaterThan(0);
    expect(JSON.parse(JSON.stringify(summary))).toEqual(summary);
  });
});
