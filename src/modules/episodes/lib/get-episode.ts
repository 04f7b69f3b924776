import "server-only";
import { todayInStockholm } from "@/lib/dates";
import type { LocalDate } from "@/lib/local-date";
import type { UseCaseActor } from "@/modules/auth/actor";
import { withEpisode } from "@/modules/patient-data/lib/scoped";
import { evaluateStoredEpisode } from "./evaluate-episode";

/** An episode with its targets and open flags as of a date (today by default); a logged read. */
export const getEpisode = ({
  actor,
  episodeId,
  asOf = todayInStockholm(),
}: {
  actor: UseCaseActor;
  episodeId: string;
  asOf?: LocalDate;
}) =>
  withEpisode(
    {
      actor,
      episodeId,
      permission: "clinical:read",
      access: { action: "READ", target: `episode:${episodeId}?asOf=${asOf}` },
    },
    (tx, episode) => evaluateStoredEpisode(tx, episode, asOf),
  );
