import "server-only";
import { isUniqueViolation } from "@/lib/db/errors";
import { AppError } from "@/lib/errors";
import type { UseCaseActor } from "@/modules/auth/actor";
import { OPEN_STATUSES } from "@/modules/clinical/rules/facts";
import { withVisit } from "@/modules/patient-data/lib/scoped";
import type { TAgendaChange } from "../schemas";

const alreadyOnAgenda = () =>
  new AppError("CONFLICT", { userMessage: "Patienten står redan på dagordningen." });
const notOnAgenda = () => new AppError("NOT_FOUND", { userMessage: "Punkten finns inte på dagordningen." });

/**
 * One change of a visit's agenda: add a patient of the visit's unit (by their
 * open episode, or by identity number), remove an item, move it up or down,
 * or set whether it is a case review or a patient meeting and its time. The
 * psychiatrist's; one logged row for the patient it concerns.
 */
export const editAgenda = ({
  actor,
  visitId,
  change,
}: {
  actor: UseCaseActor;
  visitId: string;
  change: TAgendaChange;
}) =>
  withVisit(
    {
      actor,
      visitId,
      permission: "review:conduct",
      forbidden: "Dagordningen ändras av psykiatern.",
      transaction: true,
      attempt: { action: "UPDATE", target: `visit:${visitId}:agenda` },
      access: (r: { unitId: string; patientId: string }) => [
        { action: "UPDATE", unitId: r.unitId, patientId: r.patientId, target: `visit:${visitId}:agenda` },
      ],
    },
    async (tx, visit) => {
      const items = await tx.visitItem.findMany({
        where: { visitId },
        orderBy: { position: "asc" },
        select: { id: true, episodeId: true, position: true, episode: { select: { patientId: true } } },
      });
      const done = (patientId: string) => ({ unitId: visit.unitId, patientId });

      if (change.op === "add" || change.op === "addByPersonnummer") {
        // Only an open episode of the visit's own unit can go on its agenda.
        const episode = await tx.episode.findFirst({
          where: {
            status: { in: [...OPEN_STATUSES] },
            patient: {
              unitId: visit.unitId,
              ...(change.op === "addByPersonnummer" ? { personnummer: change.personnummer } : {}),
            },
            ...(change.op === "add" ? { id: change.episodeId } : {}),
          },
          select: { id: true, patientId: true },
        });
        if (!episode) {
          throw new AppError("NOT_FOUND", {
            userMessage: "Ingen pågående insats för den patienten på besökets enhet.",
            fieldErrors:
              change.op === "addByPersonnummer"
                ? { personnummer: ["Ingen pågående insats på enheten."] }
                : {},
          });
        }
        if (items.some((i) => i.episodeId === episode.id)) throw alreadyOnAgenda();
        // The same patient added twice at once: the unique index (visit, episode) refuses the second.
        await tx.visitItem
          .create({ data: { visitId, episodeId: episode.id, position: (items.at(-1)?.position ?? -1) + 1 } })
          .catch((error: unknown) => {
            throw isUniqueViolation(error) ? alreadyOnAgenda() : error;
          });
        return done(episode.patientId);
      }

      const index = items.findIndex((i) => i.id === change.itemId);
      const item = items[index];
      if (!item) throw notOnAgenda();
      if (change.op === "remove") {
        await tx.visitItem.delete({ where: { id: item.id } });
      } else if (change.op === "move") {
        const other = items[change.direction === "up" ? index - 1 : index + 1];
        if (other) {
          // Swap places (positions are unique only by convention, so no temporary value is needed).
          await tx.visitItem.update({ where: { id: item.id }, data: { position: other.position } });
          await tx.visitItem.update({ where: { id: other.id }, data: { position: item.position } });
        }
      } else {
        await tx.visitItem.update({
          where: { id: item.id },
          data: { kind: change.kind, time: change.time ?? null },
        });
      }
      return done(item.episode.patientId);
    },
  );
