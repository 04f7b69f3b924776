import "server-only";
import type { DbTx } from "@/lib/db/client";
import type { LocalDate } from "@/lib/local-date";
import { evaluateEpisode } from "@/modules/clinical/rules/evaluate";
import type { ScopedEpisode } from "@/modules/patient-data/lib/scoped";
import { toEpisodeView } from "./episode-view";
import { loadEpisodeFacts, loadUnitRuleSettings } from "./facts";

/** Loads what the clinical core needs of a scoped episode and evaluates it as of a date. */
export async function evaluateStoredEpisode(tx: DbTx, episode: ScopedEpisode, asOf: LocalDate) {
  const facts = await loadEpisodeFacts(tx, episode, asOf);
  const settings = await loadUnitRuleSettings(tx, episode.patient.unitId, asOf);
  return toEpisodeView(episode, evaluateEpisode(facts, asOf, settings));
}
