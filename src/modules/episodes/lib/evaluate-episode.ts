import "server-only";
import type { Episode } from "@/generated/prisma/client";
import type { DbTx } from "@/lib/db/client";
import { evaluateEpisode } from "@/modules/clinical/rules/evaluate";
import type { LocalDate } from "@/modules/clinical/rules/local-date";
import { toEpisodeView } from "./episode-view";
import { loadEpisodeFacts, loadRuleSettings } from "./facts";

/** Loads what the clinical core needs and evaluates the episode as of a date. */
export async function evaluateStoredEpisode(
  tx: DbTx,
  episode: Episode & { patient: { unitId: string } },
  asOf: LocalDate,
) {
  const [facts, settings] = await Promise.all([
    loadEpisodeFacts(tx, episode.id, episode.startDate),
    loadRuleSettings(tx, episode.patient.unitId),
  ]);
  return { view: toEpisodeView(episode, evaluateEpisode(facts, asOf, settings)), facts, settings };
}
