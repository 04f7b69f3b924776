import "server-only";
import type { LocalDate } from "@/lib/local-date";
import type { UseCaseActor } from "@/modules/auth/actor";
import { withUnits } from "@/modules/patient-data/lib/scoped";
import { applyCaseloadQuery, type CaseloadQuery } from "../rules/caseload-query";
import { loadOpenEpisodes, type OpenEpisodeRow } from "./open-episodes";

/** What "mine" means for a role: the care manager's or the GP's own patients; a psychiatrist has none. */
export const ownPatients = (actor: UseCaseActor) =>
  actor.role === "VARDSAMORDNARE"
    ? { careManagerId: actor.userId }
    : actor.role === "ALLMANLAKARE"
      ? { gpId: actor.userId }
      : null;

const sortable = (r: OpenEpisodeRow) => ({
  ...r,
  name: `${r.patient.familyName} ${r.patient.givenName}`,
  personnummer: r.patient.personnummer,
  week: r.evaluation.week,
  baseline: r.evaluation.baseline,
  latest: r.evaluation.latest,
  reduction: r.evaluation.reduction,
  lastContact: r.evaluation.lastReachedContactDate,
  nextPlanned: r.nextPlannedDate,
  flags: r.evaluation.flags.map((f) => f.code),
  adherenceShare: r.adherence.weeks.counted
    ? r.adherence.weeks.withContact / r.adherence.weeks.counted
    : null,
});

/**
 * "Mina patienter": the open episodes of the actor's units, their own by
 * default, searched, filtered and sorted as the URL says. One logged read per
 * patient shown.
 */
export const getCaseload = ({
  actor,
  query,
  asOf,
}: {
  actor: UseCaseActor;
  query: CaseloadQuery;
  asOf: LocalDate;
}) => {
  const own = query.vy === "mina" ? ownPatients(actor) : null;
  return withUnits(
    {
      actor,
      permission: "clinical:read",
      attempt: { action: "READ", target: "caseload" },
      access: (list: { rows: { unitId: string; patientId: string }[] }) =>
        list.rows.map((r) => ({
          action: "READ",
          unitId: r.unitId,
          patientId: r.patientId,
          target: "caseload",
        })),
    },
    async (db, unitIds) => {
      const rows = await loadOpenEpisodes(db, { unitIds, asOf, ...own });
      return { ...applyCaseloadQuery(rows.map(sortable), query), mine: own !== null };
    },
  );
};

export type CaseloadRow = Awaited<ReturnType<typeof getCaseload>>["rows"][number];
