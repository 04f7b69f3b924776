import type { z } from "zod";
import type { ZVisit } from "../schemas";
import type { VisitView } from "./get-visit";

/** A visit as the HTTP API shows it: the page's view, each item with where the episode stands on the visit's date. */
export const visitForApi = (v: VisitView): z.input<typeof ZVisit> => ({
  id: v.id,
  unitId: v.unitId,
  unitName: v.unitName,
  date: v.date,
  psychiatristId: v.psychiatristId,
  psychiatrist: v.psychiatrist,
  items: v.items.map((i, index) => ({
    id: i.id,
    position: index + 1,
    kind: i.kind,
    time: i.time,
    episodeId: i.episodeId,
    patientId: i.patientId,
    patient: i.patient,
    gp: i.gp,
    careManager: i.careManager,
    week: i.evaluation.week,
    baseline: i.evaluation.baseline,
    latest: i.evaluation.latest,
    reduction: i.evaluation.reduction,
    flags: i.evaluation.flags.map(({ code, to, reason }) => ({ code, to, reason })),
    scores: i.scores,
    question: i.question && { question: i.question.question, answer: i.question.answer },
    recommendation: i.recommendation && {
      ...i.recommendation,
      createdAt: i.recommendation.createdAt.toISOString(),
      receipts: i.recommendation.receipts.map((r) => ({ ...r, readAt: r.readAt?.toISOString() ?? null })),
    },
  })),
  candidates: v.candidates,
});
