import "server-only";
import type { AccessAction } from "@/generated/prisma/enums";
import { AppError, formStep } from "@/lib/errors";
import type { UseCaseActor } from "@/modules/auth/actor";
import { logContactIn } from "@/modules/contacts/lib/log-contact";
import { openEpisodeIn } from "@/modules/episodes/lib/open-episode";
import { withUnits } from "@/modules/patient-data/lib/scoped";
import type { TEnrollPatient } from "../schemas";

/**
 * "Skriv in patient" in one transaction: the patient (found in the unit by
 * identity number, or registered), a new episode, and the enrollment meeting
 * with its MADRS-S when it is logged in the same step. All or nothing: a
 * refused episode leaves no half-registered patient behind. One access-log
 * row per record made.
 */
export const enrollPatient = ({ actor, input }: { actor: UseCaseActor; input: TEnrollPatient }) =>
  withUnits(
    {
      actor,
      permission: "clinical:write",
      unitId: input.unitId,
      transaction: true,
      attempt: { action: "CREATE", target: "enrollment" },
      access: (r: {
        patientId: string;
        unitId: string;
        created: boolean;
        episodeId: string;
        contactId?: string;
      }) => {
        const row = (action: AccessAction, target: string) => ({
          action,
          unitId: r.unitId,
          patientId: r.patientId,
          target,
        });
        return [
          row(r.created ? "CREATE" : "READ", `patient:${r.patientId}`),
          row("CREATE", `episode:${r.episodeId}`),
          ...(r.contactId ? [row("CREATE", `contact:${r.contactId}`)] : []),
        ];
      },
      // Two enrollments of one person at once: the loser is told the patient now exists.
      onUniqueViolation: async () =>
        new AppError("CONFLICT", {
          userMessage: "Patienten skrevs in av någon annan samtidigt. Sök på personnumret igen.",
        }),
    },
    async (tx, [unitId]) => {
      const found = await tx.patient.findUnique({
        where: { unitId_personnummer: { unitId: unitId!, personnummer: input.personnummer } },
        select: { id: true, unitId: true },
      });
      if (input.patientId && found?.id !== input.patientId) {
        throw new AppError("CONFLICT", {
          userMessage: "Personnumret hör inte till den valda patienten. Sök på personnumret igen.",
        });
      }
      if (!found && (!input.givenName || !input.familyName)) {
        throw new AppError("INVALID_INPUT", {
          userMessage: "Patienten finns inte på enheten; ange namn för att skriva in.",
          fieldErrors: {
            ...(input.givenName ? {} : { givenName: ["Ange förnamn."] }),
            ...(input.familyName ? {} : { familyName: ["Ange efternamn."] }),
          },
        });
      }
      const patient =
        found ??
        (await tx.patient.create({
          data: {
            unitId: unitId!,
            personnummer: input.personnummer,
            givenName: input.givenName!,
            familyName: input.familyName!,
            phone: input.phone ?? null,
            createdById: actor.userId,
          },
          select: { id: true, unitId: true },
        }));
      // Field errors of the steps name the form's fields (episode.startDate, firstMeeting.date …),
      // and a refused step names the patient in the access log.
      const about = { patientId: patient.id, unitId: patient.unitId };
      const episode = await formStep(() => openEpisodeIn(tx, actor, patient, input.episode), {
        prefix: "episode",
        about,
      });
      const meeting = input.firstMeeting;
      const contact = meeting
        ? await formStep(() => logContactIn(tx, actor, episode, meeting), { prefix: "firstMeeting", about })
        : undefined;
      return {
        patientId: patient.id,
        unitId: patient.unitId,
        created: !found,
        episodeId: episode.id,
        contactId: contact?.id,
      };
    },
  );
