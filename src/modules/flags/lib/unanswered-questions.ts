import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import type { UseCaseActor } from "@/modules/auth/actor";
import { isOpenStatus } from "@/modules/clinical/rules/facts";
import { withUnits } from "@/modules/patient-data/lib/scoped";
import { staffNames } from "@/modules/auth/lib/staff-names";

/** The unanswered questions of the units' patients (the list, and the header's count). */
export const unansweredWhere = (unitIds: string[]) =>
  ({
    answeredAt: null,
    episode: { patient: { unitId: { in: unitIds } } },
  }) satisfies Prisma.ReviewRequestWhereInput;

/**
 * The questions for the psychiatrist not yet answered, in the actor's units
 * (or one of them), oldest first — also those whose episode has closed since,
 * since the answer belongs to the question. One logged read per patient shown.
 */
export const getUnansweredQuestions = ({ actor, unitId }: { actor: UseCaseActor; unitId?: string }) =>
  withUnits(
    {
      actor,
      unitId,
      permission: "clinical:read",
      attempt: { action: "READ", target: "unanswered-questions" },
      access: (rows: { patientId: string; unitId: string }[]) =>
        [...new Map(rows.map((r) => [r.patientId, r])).values()].map((r) => ({
          action: "READ",
          unitId: r.unitId,
          patientId: r.patientId,
          target: "unanswered-questions",
        })),
    },
    async (db, unitIds) => {
      const requests = await db.reviewRequest.findMany({
        where: unansweredWhere(unitIds),
        orderBy: { requestedAt: "asc" },
        select: {
          id: true,
          question: true,
          requestedAt: true,
          requestedById: true,
          episode: {
            select: {
              id: true,
              status: true,
              patientId: true,
              patient: { select: { unitId: true, givenName: true, familyName: true, personnummer: true } },
            },
          },
        },
      });
      const askers = await staffNames(
        db,
        requests.map((r) => r.requestedById),
      );
      return requests.map((r) => ({
        requestId: r.id,
        question: r.question,
        requestedAt: r.requestedAt,
        by: askers.get(r.requestedById) ?? "",
        episodeId: r.episode.id,
        episodeOpen: isOpenStatus(r.episode.status),
        patientId: r.episode.patientId,
        unitId: r.episode.patient.unitId,
        patient: r.episode.patient,
      }));
    },
  );

export type UnansweredQuestion = Awaited<ReturnType<typeof getUnansweredQuestions>>[number];
