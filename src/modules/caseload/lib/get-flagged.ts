import "server-only";
import type { DbTx } from "@/lib/db/client";
import { daysBetween, type LocalDate } from "@/lib/local-date";
import type { UseCaseActor } from "@/modules/auth/actor";
import { mayHandle } from "@/modules/auth/rules/permissions";
import { FLAG_CODES } from "@/modules/clinical/rules/flags";
import { withUnits } from "@/modules/patient-data/lib/scoped";
import { ownPatients } from "./get-caseload";
import { loadOpenEpisodes, type OpenEpisodeRow } from "./open-episodes";

/** One open flag of one patient, for the role it goes to. */
export const flagRows = (
  rows: readonly OpenEpisodeRow[],
  keep: (code: (typeof FLAG_CODES)[number]) => boolean,
  asOf: LocalDate,
) =>
  rows
    .flatMap((r) =>
      r.evaluation.flags
        .filter((f) => keep(f.code))
        .map((f) => ({ ...f, daysOpen: daysBetween(f.since, asOf), row: r })),
    )
    // The flag table's display order (safety first), then the longest open first.
    .sort(
      (a, b) =>
        FLAG_CODES.indexOf(a.code) - FLAG_CODES.indexOf(b.code) ||
        a.since.localeCompare(b.since) ||
        a.row.patient.familyName.localeCompare(b.row.patient.familyName, "sv"),
    );

/**
 * "Flaggade patienter": the open flags routed to the actor's role in their
 * units, their own patients by default (a psychiatrist has none of their own:
 * the units they serve). One logged read per patient shown.
 */
export const getFlaggedPatients = ({
  actor,
  scope,
  asOf,
}: {
  actor: UseCaseActor;
  scope: "mina" | "enheten";
  asOf: LocalDate;
}) => {
  const own = scope === "mina" ? ownPatients(actor) : null;
  return withUnits(
    {
      actor,
      permission: "clinical:read",
      attempt: { action: "READ", target: "flagged-patients" },
      access: (list: { flags: { row: { unitId: string; patientId: string } }[] }) =>
        [...new Map(list.flags.map((f) => [f.row.patientId, f.row])).values()].map((r) => ({
          action: "READ",
          unitId: r.unitId,
          patientId: r.patientId,
          target: "flagged-patients",
        })),
    },
    async (db, unitIds) => ({
      flags: await roleFlags(db, actor, { unitIds, asOf, own }),
      mine: own !== null,
    }),
  );
};

/** The open flags routed to the actor's role in the units, of `own`'s patients when given (the list, and the header's count). */
export async function roleFlags(
  db: DbTx,
  actor: UseCaseActor,
  { unitIds, asOf, own }: { unitIds: string[]; asOf: LocalDate; own: ReturnType<typeof ownPatients> },
) {
  const rows = await loadOpenEpisodes(db, { unitIds, asOf, ...own });
  return flagRows(rows, (code) => mayHandle(actor.role, code), asOf);
}

export type FlaggedRow = Awaited<ReturnType<typeof getFlaggedPatients>>["flags"][number];
