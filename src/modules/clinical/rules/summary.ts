// What today's lists show of an episode, as one pure function of (facts, day,
// settings): its evaluation with each open flag's `since`, every score, the
// last contact and method adherence. Stored per episode as of today (see
// src/modules/evaluations), so a list reads it instead of every contact.
import type { LocalDate } from "@/lib/local-date";
import { methodAdherence, type Adherence, type MethodSettings } from "./adherence";
import { evaluateEpisode, type Evaluation } from "./evaluate";
import { isSelfReport, scoreSeries, type EpisodeFacts, type ScorePoint } from "./facts";
import type { RuleSettings } from "./settings";

export type EpisodeSummary = {
  evaluation: Evaluation;
  scores: ScorePoint[];
  /** The latest contact of any kind but a self-report (an attempt counts: it is work done). */
  lastContactDate: LocalDate | null;
  adherence: Adherence;
};

export function summarizeEpisode(
  facts: EpisodeFacts,
  asOf: LocalDate,
  settings: { rules: RuleSettings; method: MethodSettings },
): EpisodeSummary {
  return {
    evaluation: evaluateEpisode(facts, asOf, settings.rules),
    scores: scoreSeries(facts),
    lastContactDate: facts.contacts.reduce<LocalDate | null>(
      (m, c) => (isSelfReport(c) || (m !== null && c.date <= m) ? m : c.date),
      null,
    ),
    adherence: methodAdherence(facts, asOf, settings.method),
  };
}
