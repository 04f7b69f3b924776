import "server-only";
// The open episodes of some units, each with everything the caseload, the
// flagged-patients page and the start page show: patient, staff, evaluation
// as of a date (flags with since and reason), every score, method adherence
// and the next planned contact; as of today from the stored summaries
// (modules/evaluations). A fixed number of queries however many episodes (no
// per-row queries). Called inside withUnits, with its unit ids.
import { Prisma } from "@/generated/prisma/client";
import { queries, type DbTx } from "@/lib/db/client";
import { fromDbDate } from "@/lib/dates";
import type { LocalDate } from "@/lib/local-date";
import { loadUnitSettings } from "@/modules/episodes/lib/facts";
import { episodeSummaries } from "@/modules/evaluations/lib/summaries";
import { staffNames } from "@/modules/auth/lib/staff-names";
import { pendingSelfReports } from "@/modules/self-report/lib/pending";

export type OpenEpisodeScope = {
  unitIds: readonly string[];
  /** Only the episodes where this user is the care manager … */
  careManagerId?: string;
  /** … or the GP. */
  gpId?: string;
  asOf: LocalDate;
};

/** Open now means not closed: an episode closed after asOf is closed for today's lists. */
export async function loadOpenEpisodes(db: DbTx, scope: OpenEpisodeScope) {
  const { unitIds, asOf } = scope;
  const episodes = await db.episode.findMany({
    where: {
      closedDate: null,
      patient: { unitId: { in: [...unitIds] } },
      ...(scope.careManagerId ? { careManagerId: scope.careManagerId } : {}),
      ...(scope.gpId ? { gpId: scope.gpId } : {}),
    },
    select: {
      id: true,
      patientId: true,
      startDate: true,
      status: true,
      version: true,
      careManagerId: true,
      gpId: true,
      diagnosis: true,
      patient: { select: { unitId: true, givenName: true, familyName: true, personnummer: true } },
    },
  });
  if (episodes.length === 0) return [];
  const ids = episodes.map((e) => e.id);
  const staffIds = [
    ...new Set(episodes.flatMap((e) => [e.careManagerId, e.gpId]).filter((id) => id !== null)),
  ];
  const [summaries, settings, planned, staffName, selfReports] = await queries(
    db,
    () =>
      episodeSummaries(
        db,
        episodes.map((e) => ({ id: e.id, startDate: e.startDate, unitId: e.patient.unitId })),
        asOf,
      ),
    () => loadUnitSettings(db, unitIds, asOf),
    // The next planned contact is the one the latest contact with the patient planned
    // (a self-report plans nothing: it is the patient's form, not a contact).
    () =>
      db.$queryRaw<{ episode_id: string; next_planned_date: Date | null }[]>(Prisma.sql`
        SELECT DISTINCT ON (episode_id) episode_id, next_planned_date
        FROM contact
        WHERE episode_id = ANY(${ids}::uuid[]) AND counterpart = 'PATIENT' AND type <> 'SELF_REPORT'
          AND date <= ${asOf}::date
        ORDER BY episode_id, date DESC, recorded_at DESC`),
    () => staffNames(db, staffIds),
    () => pendingSelfReports(db, ids, asOf),
  );
  const nextPlanned = new Map(
    planned.map((p) => [p.episode_id, p.next_planned_date ? fromDbDate(p.next_planned_date) : null]),
  );

  return episodes.map((e) => {
    const { evaluation, scores, lastContactDate, adherence } = summaries.get(e.id)!;
    const unit = settings.get(e.patient.unitId)!;
    const start = fromDbDate(e.startDate);
    return {
      episodeId: e.id,
      patientId: e.patientId,
      unitId: e.patient.unitId,
      patient: {
        givenName: e.patient.givenName,
        familyName: e.patient.familyName,
        personnummer: e.patient.personnummer,
      },
      startDate: start,
      status: e.status,
      version: e.version,
      diagnosis: e.diagnosis,
      careManager: e.careManagerId
        ? { id: e.careManagerId, name: staffName.get(e.careManagerId) ?? "" }
        : null,
      gp: e.gpId ? { id: e.gpId, name: staffName.get(e.gpId) ?? "" } : null,
      evaluation,
      scores,
      lastContactDate,
      /** A self-report that waits for the care manager's next call. */
      selfReport: selfReports.get(e.id) ?? null,
      nextPlannedDate: nextPlanned.get(e.id) ?? null,
      adherence,
      responsePercent: unit.rules.responsePercent,
    };
  });
}

export type OpenEpisodeRow = Awaited<ReturnType<typeof loadOpenEpisodes>>[number];
