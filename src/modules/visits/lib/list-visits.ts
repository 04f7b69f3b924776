import "server-only";
import { fromDbDate } from "@/lib/dates";
import type { UseCaseActor } from "@/modules/auth/actor";
import { withUnits } from "@/modules/patient-data/lib/scoped";
import { staffNames } from "@/modules/auth/lib/staff-names";

/**
 * The consultant visits of the actor's units, coming first, then past ones:
 * their unit, date, psychiatrist, and how many agenda items have their
 * recommendation. No patient is shown, so nothing of a patient is logged.
 */
export const listVisits = ({ actor }: { actor: UseCaseActor }) =>
  withUnits(
    {
      actor,
      permission: "clinical:read",
      attempt: { action: "READ", target: "visits" },
      access: () => [],
    },
    async (db, unitIds) => {
      const visits = await db.visit.findMany({
        where: { unitId: { in: unitIds } },
        orderBy: { date: "desc" },
        take: 200,
        select: {
          id: true,
          unitId: true,
          date: true,
          psychiatristId: true,
          items: { select: { recommendationId: true } },
        },
      });
      const names = await staffNames(
        db,
        visits.map((v) => v.psychiatristId),
      );
      return visits.map((v) => ({
        id: v.id,
        unitId: v.unitId,
        date: fromDbDate(v.date),
        psychiatrist: names.get(v.psychiatristId) ?? "",
        items: v.items.length,
        recommended: v.items.filter((i) => i.recommendationId !== null).length,
      }));
    },
  );
