import "server-only";
import type { UseCaseActor } from "@/lib/actor";
import type { DbTx } from "@/lib/db/client";
import { AppError } from "@/lib/errors";

/**
 * The episode if it belongs to one of the actor's units, scoped in the query
 * itself; another unit's episode is "not found", as if it did not exist.
 * `lock` takes a row lock so that concurrent writes to one episode queue up.
 */
export async function findEpisodeInScope(
  tx: DbTx,
  actor: UseCaseActor,
  episodeId: string,
  { lock = false } = {},
) {
  if (lock) {
    await tx.$executeRaw`
      SELECT 1 FROM episode e JOIN patient p ON p.id = e.patient_id
      WHERE e.id = ${episodeId}::uuid AND p.unit_id = ANY(${actor.unitIds}::uuid[])
      FOR UPDATE OF e`;
  }
  const episode = await tx.episode.findFirst({
    where: { id: episodeId, patient: { unitId: { in: actor.unitIds } } },
    include: { patient: { select: { unitId: true } } },
  });
  if (!episode) throw new AppError("NOT_FOUND", { userMessage: "Insatsen hittades inte." });
  return episode;
}
