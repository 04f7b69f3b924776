import "server-only";
import { CLINICAL_READERS, type UseCaseActor } from "@/lib/actor";
import { authorize } from "@/lib/authorize";
import { db } from "@/lib/db/client";
import { todayInStockholm } from "@/lib/dates";
import { recordPatientAccess } from "@/modules/audit/lib/record-access";
import type { LocalDate } from "@/modules/clinical/rules/local-date";
import { findEpisodeInScope } from "./episode-scope";
import { evaluateStoredEpisode } from "./evaluate-episode";

/** An episode with its targets and open flags as of a date (today by default); a logged read. */
export async function getEpisode({
  actor,
  episodeId,
  asOf = todayInStockholm(),
  requestId,
}: {
  actor: UseCaseActor;
  episodeId: string;
  asOf?: LocalDate;
  requestId?: string;
}) {
  return db().$transaction(async (tx) => {
    const episode = await findEpisodeInScope(tx, actor, episodeId);
    authorize(actor, { roles: CLINICAL_READERS });
    const { view } = await evaluateStoredEpisode(tx, episode, asOf);
    await recordPatientAccess(tx, actor, {
      action: "READ",
      unitId: episode.patient.unitId,
      patientId: episode.patientId,
      target: `episode:${episode.id}?asOf=${asOf}`,
      requestId,
    });
    return view;
  });
}
