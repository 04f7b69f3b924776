import "server-only";
import type { Actor } from "@/modules/auth/actor";
import { systemDb } from "@/lib/db/client";
import { may } from "@/modules/auth/rules/permissions";

/** The actor's units and who works in them: scoped to the actor's units in the query itself. */
export async function getUnitTeams(actor: Actor) {
  return systemDb().unit.findMany({
    where: { id: { in: actor.unitIds } },
    orderBy: { name: "asc" },
    select: {
      id: true,
      name: true,
      memberships: {
        where: { user: { active: true } },
        select: { user: { select: { id: true, displayName: true, role: true } } },
        orderBy: { user: { displayName: "asc" } },
      },
    },
  });
}

/** Recent sign-ins of the unit's staff, for the verksamhetschef's start page. */
export async function getRecentSignIns(actor: Actor, take = 10) {
  if (!may(actor.role, "unit:administer")) return [];
  return systemDb().accessLog.findMany({
    // Users of the chef's units, found through membership, never across units.
    where: { action: { in: ["LOGIN", "LOGIN_FAILED", "LOGOUT"] }, userId: { in: await unitUserIds(actor) } },
    orderBy: { at: "desc" },
    take,
    select: { id: true, at: true, username: true, action: true },
  });
}

async function unitUserIds(actor: Actor): Promise<string[]> {
  const rows = await systemDb().unitMembership.findMany({
    where: { unitId: { in: actor.unitIds } },
    select: { userId: true },
  });
  return [...new Set(rows.map((r) => r.userId))];
}
