// Which stored version of a unit's settings is in force on a day. Pure; the
// one rule every loader uses (src/modules/episodes/lib/facts.ts).
import type { LocalDate } from "@/lib/local-date";

/** A stored version, as the history and the in-force choice see it. */
export type Version = { id: string; validFrom: LocalDate; createdAt: Date };

/**
 * The version in force on `day`: the latest valid-from on or before it, the
 * latest made among equals, then the greatest id.
 */
export function versionInForce<V extends Version>(versions: readonly V[], day: LocalDate): V | undefined {
  let best: V | undefined;
  for (const v of versions) {
    if (v.validFrom > day) continue;
    if (
      !best ||
      v.validFrom > best.validFrom ||
      (v.validFrom === best.validFrom &&
        (v.createdAt.getTime() > best.createdAt.getTime() ||
          (v.createdAt.getTime() === best.createdAt.getTime() && v.id > best.id)))
    )
      best = v;
  }
  return best;
}
