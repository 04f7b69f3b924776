import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import type { UseCaseActor } from "@/modules/auth/actor";
import { withUnits } from "@/modules/patient-data/lib/scoped";
import { staffNames } from "@/modules/auth/lib/staff-names";

/** The receipts of the actor's still unread recommendations in the units (the list, and the header's count). */
export const unreadWhere = (actor: UseCaseActor, unitIds: string[]) =>
  ({
    userId: actor.userId,
    readAt: null,
    recommendation: { episode: { patient: { unitId: { in: unitIds } } } },
  }) satisfies Prisma.RecommendationReceiptWhereInput;

/**
 * The recommendations addressed to the actor that they have not marked read,
 * in their units, oldest first: what waits on the GP's and the care manager's
 * start page until "Tagen del av". One logged read per patient shown.
 */
export const getUnreadRecommendations = ({ actor }: { actor: UseCaseActor }) =>
  withUnits(
    {
      actor,
      permission: "clinical:read",
      attempt: { action: "READ", target: "unread-recommendations" },
      access: (rows: { patientId: string; unitId: string }[]) =>
        [...new Map(rows.map((r) => [r.patientId, r])).values()].map((r) => ({
          action: "READ",
          unitId: r.unitId,
          patientId: r.patientId,
          target: "unread-recommendations",
        })),
    },
    async (db, unitIds) => {
      const receipts = await db.recommendationReceipt.findMany({
        where: unreadWhere(actor, unitIds),
        orderBy: { recommendation: { createdAt: "asc" } },
        select: {
          recommendation: {
            select: {
              id: true,
              text: true,
              createdAt: true,
              authorId: true,
              episode: {
                select: {
                  id: true,
                  patientId: true,
                  patient: {
                    select: { unitId: true, givenName: true, familyName: true, personnummer: true },
                  },
                },
              },
            },
          },
        },
      });
      const authors = await staffNames(
        db,
        receipts.map((r) => r.recommendation.authorId),
      );
      return receipts.map(({ recommendation: r }) => ({
        recommendationId: r.id,
        episodeId: r.episode.id,
        patientId: r.episode.patientId,
        unitId: r.episode.patient.unitId,
        patient: {
          givenName: r.episode.patient.givenName,
          familyName: r.episode.patient.familyName,
          personnummer: r.episode.patient.personnummer,
        },
        text: r.text,
        createdAt: r.createdAt,
        by: authors.get(r.authorId) ?? "",
      }));
    },
  );

export type UnreadRecommendation = Awaited<ReturnType<typeof getUnreadRecommendations>>[number];
