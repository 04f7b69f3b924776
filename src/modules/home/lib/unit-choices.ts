import "server-only";
import { systemDb } from "@/lib/db/client";
import { todayInStockholm } from "@/lib/dates";
import type { Actor } from "@/modules/auth/actor";
import { loadRuleSettings } from "@/modules/episodes/lib/facts";
import { getUnitTeams } from "./get-home-data";

/**
 * The actor's units with their care managers and GPs, and the Livslust limits
 * of each unit's rules: what the enrollment form offers. No patient data.
 */
export async function getUnitChoices(actor: Actor) {
  const [teams, settings] = await Promise.all([
    getUnitTeams(actor),
    loadRuleSettings(systemDb(), actor.unitIds, todayInStockholm()),
  ]);
  return teams.map((t) => {
    const members = (role: string) =>
      t.memberships
        .filter((m) => m.user.role === role)
        .map((m) => ({ id: m.user.id, name: m.user.displayName }));
    const s = settings.get(t.id)!;
    return {
      id: t.id,
      name: t.name,
      careManagers: members("VARDSAMORDNARE"),
      gps: members("ALLMANLAKARE"),
      safetyRiskItem9: s.safetyRiskItem9,
      safetyCheckItem9: s.safetyCheckItem9,
    };
  });
}
export type UnitChoice = Awaited<ReturnType<typeof getUnitChoices>>[number];
