import "server-only";
import type { UseCaseActor } from "@/lib/actor";
import { db } from "@/lib/db/client";
import type { LocalDate } from "@/modules/clinical/rules/local-date";
import { reviewList } from "./review-list";

/** The review list with patient names and unit names, for the Konsultlista page. */
export async function reviewListWithNames({
  actor,
  asOf,
}: {
  actor: UseCaseActor & { units: { id: string; name: string }[] };
  asOf: LocalDate;
}) {
  const list = await reviewList({ actor, asOf });
  const ids = list.items.map((i) => i.patientId);
  const patients = await db().patient.findMany({
    where: { id: { in: ids }, unitId: { in: actor.unitIds } },
    select: { id: true, givenName: true, familyName: true, personnummer: true },
  });
  const patientById = new Map(patients.map((p) => [p.id, p]));
  // The signed-in actor already carries its units' names.
  const unitById = new Map(actor.units.map((u) => [u.id, u.name]));
  return {
    asOf: list.asOf,
    items: list.items.map((i) => ({
      ...i,
      patient: patientById.get(i.patientId)!,
      unitName: unitById.get(i.unitId) ?? "",
    })),
  };
}
