import type { Episode } from "@/generated/prisma/client";
import { fromDbDate } from "@/lib/dates";
import type { Evaluation } from "@/modules/clinical/rules/evaluate";

/** An episode as the API and the UI show it: the record plus its evaluation as of a date. */
export const toEpisodeView = (
  episode: Episode & { patient: { unitId: string } },
  evaluation: Evaluation,
) => ({
  id: episode.id,
  patientId: episode.patientId,
  unitId: episode.patient.unitId,
  status: evaluation.status,
  currentStatus: episode.status,
  version: episode.version,
  startDate: fromDbDate(episode.startDate),
  closedDate: episode.closedDate ? fromDbDate(episode.closedDate) : null,
  careManagerId: episode.careManagerId,
  gpId: episode.gpId,
  diagnosis: episode.diagnosis,
  sickLeaveAtStart: episode.sickLeaveAtStart,
  asOf: evaluation.asOf,
  daysInTreatment: evaluation.daysInTreatment,
  week: evaluation.week,
  reachesTwelveWeeks: evaluation.reachesTwelveWeeks,
  baseline: evaluation.baseline,
  latest: evaluation.latest,
  reduction: evaluation.reduction,
  response: evaluation.response,
  partialResponse: evaluation.partialResponse,
  remission: evaluation.remission,
  flags: evaluation.flags,
});
export type EpisodeView = ReturnType<typeof toEpisodeView>;
