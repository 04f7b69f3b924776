"use server";

import { z } from "zod";
import { ZId } from "@/lib/schemas";
import { defineAction } from "@/modules/forms/lib/define-action";
import { answerReviewRequest } from "./lib/answer-review-request";
import { handleFlag } from "./lib/handle-flag";
import { requestReview } from "./lib/request-review";
import { ZAnswerInput, ZFlagCode, ZHandleFlagInput, ZReviewRequestInput } from "./schemas";

/**
 * The form's way to the same use case as POST /api/v1/episodes/{id}/flags/{code}/handle.
 * On success the page re-renders from the server: the flag leaves the open
 * list (and its form with it) and shows among the handled ones. Who may
 * handle which flag is the use case's check (the flag table's recipients).
 */
export const handleFlagAction = defineAction({
  // A GP's form asks for one of the common decisions besides the text.
  schema: ZHandleFlagInput.extend({
    episodeId: ZId,
    code: ZFlagCode,
    asksDecision: z.string().optional(),
  }).superRefine((v, ctx) => {
    if (v.asksDecision && !v.decision)
      ctx.addIssue({ code: "custom", path: ["decision"], message: "Välj vad som beslutades." });
  }),
  run: ({ actor, input }) =>
    handleFlag({
      actor,
      episodeId: input.episodeId,
      code: input.code,
      note: input.note,
      decision: input.decision,
    }),
  revalidate: (_data, input) => [
    `/insatser/${input.episodeId}`,
    "/konsultlista",
    "/flaggor",
    "/patienter",
    "/",
  ],
});

/** "Markera för genomgång": the same use case as POST /api/v1/episodes/{id}/review-requests. */
export const requestReviewAction = defineAction({
  schema: ZReviewRequestInput.extend({ episodeId: ZId }),
  run: ({ actor, input }) => requestReview({ actor, episodeId: input.episodeId, question: input.question }),
  revalidate: (_data, input) => [`/insatser/${input.episodeId}`, "/konsultlista", "/flaggor"],
});

/** The psychiatrist's written answer: the same use case as POST /api/v1/review-requests/{id}/answer. */
export const answerReviewRequestAction = defineAction({
  schema: ZAnswerInput.extend({ requestId: ZId, episodeId: ZId }),
  run: ({ actor, input }) => answerReviewRequest({ actor, requestId: input.requestId, answer: input.answer }),
  revalidate: (_data, input) => [`/insatser/${input.episodeId}`, "/konsultlista", "/flaggor", "/"],
});

export type HandleFlagResult = Awaited<ReturnType<typeof handleFlag>>;
