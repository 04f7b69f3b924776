import "server-only";
import { addDays, type LocalDate } from "@/lib/local-date";
import type { UseCaseActor } from "@/modules/auth/actor";
import { FLAG_RULES } from "@/modules/clinical/rules/flags";
import { withUnits } from "@/modules/patient-data/lib/scoped";
import { flagRows } from "./get-flagged";
import { loadOpenEpisodes, type OpenEpisodeRow } from "./open-episodes";

const byName = (a: OpenEpisodeRow, b: OpenEpisodeRow) =>
  a.patient.familyName.localeCompare(b.patient.familyName, "sv") ||
  a.patient.givenName.localeCompare(b.patient.givenName, "sv");

/**
 * The care manager's start page: what waits today among their own patients —
 * their open flags, the open SAFETY_RISK (it goes to the GP, but the care
 * manager must know), contacts planned for today, planned contacts that are
 * overdue, patients who reach 12 weeks within 7 days, and new self-reports
 * waiting for the next call (newest first). One logged read per
 * patient shown.
 */
export const getTodayWork = ({ actor, today }: { actor: UseCaseActor; today: LocalDate }) =>
  withUnits(
    {
      actor,
      permission: "clinical:read",
      attempt: { action: "READ", target: "start-page" },
      access: (work: { shown: OpenEpisodeRow[] }) =>
        work.shown.map((r) => ({
          action: "READ",
          unitId: r.unitId,
          patientId: r.patientId,
          target: "start-page",
        })),
    },
    async (db, unitIds) => {
      const rows = await loadOpenEpisodes(db, {
        unitIds,
        asOf: today,
        careManagerId: actor.userId,
      });
      const work = {
        flags: flagRows(rows, (code) => FLAG_RULES[code].recipients.includes("CARE_MANAGER"), today),
        safetyRisks: flagRows(rows, (code) => code === "SAFETY_RISK", today),
        plannedToday: rows.filter((r) => r.nextPlannedDate === today).sort(byName),
        overduePlanned: rows
          .filter((r) => r.nextPlannedDate !== null && r.nextPlannedDate < today)
          .sort((a, b) => a.nextPlannedDate!.localeCompare(b.nextPlannedDate!) || byName(a, b)),
        reachingTwelveWeeks: rows
          .filter(
            (r) =>
              r.evaluation.status === "ACTIVE" &&
              r.evaluation.reachesTwelveWeeks >= today &&
              r.evaluation.reachesTwelveWeeks <= addDays(today, 7),
          )
          .sort((a, b) => a.evaluation.reachesTwelveWeeks.localeCompare(b.evaluation.reachesTwelveWeeks)),
        selfReports: rows
          .filter((r) => r.selfReport !== null)
          .sort((a, b) => b.selfReport!.date.localeCompare(a.selfReport!.date) || byName(a, b)),
        caseload: rows.length,
      };
      const shown = new Map<string, OpenEpisodeRow>();
      for (const r of [
        ...work.flags.map((f) => f.row),
        ...work.safetyRisks.map((f) => f.row),
        ...work.plannedToday,
        ...work.overduePlanned,
        ...work.reachingTwelveWeeks,
        ...work.selfReports,
      ])
        shown.set(r.episodeId, r);
      return { ...work, shown: [...shown.values()] };
    },
  );
