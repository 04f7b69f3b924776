import "server-only";
import { fromDbDate, todayInStockholm } from "@/lib/dates";
import type { UseCaseActor } from "@/modules/auth/actor";
import { isOpenStatus } from "@/modules/clinical/rules/facts";
import { loadUnitRuleSettings } from "@/modules/episodes/lib/facts";
import { withEpisode } from "@/modules/patient-data/lib/scoped";
import { pendingSelfReports } from "@/modules/self-report/lib/pending";

/** What the contact form shows of the episode it logs to: a logged read, for roles that may log contacts. */
export const getContactFormContext = ({ actor, episodeId }: { actor: UseCaseActor; episodeId: string }) =>
  withEpisode(
    {
      actor,
      episodeId,
      permission: "clinical:write",
      forbidden: "Din roll registrerar inte kontakter.",
      access: { action: "READ", target: `episode:${episodeId}:contact-form` },
    },
    async (tx, episode) => {
      const patient = await tx.patient.findUniqueOrThrow({
        where: { id: episode.patientId },
        select: { id: true, givenName: true, familyName: true, personnummer: true },
      });
      const today = todayInStockholm();
      const settings = await loadUnitRuleSettings(tx, episode.patient.unitId, today);
      // A self-report the call may refer to instead of repeating the items.
      const selfReport = (await pendingSelfReports(tx, [episode.id], today)).get(episode.id) ?? null;
      return {
        patient,
        episode: {
          id: episode.id,
          startDate: fromDbDate(episode.startDate),
          closedDate: episode.closedDate ? fromDbDate(episode.closedDate) : null,
          open: isOpenStatus(episode.status),
        },
        safetyRiskItem9: settings.safetyRiskItem9,
        safetyCheckItem9: settings.safetyCheckItem9,
        selfReport,
      };
    },
  );
