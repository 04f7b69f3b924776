"use server";

import { z } from "zod";
import { ZId } from "@/lib/schemas";
import { defineAction } from "@/modules/forms/lib/define-action";
import { conductCaseReview } from "./lib/conduct-case-review";
import { markRecommendationRead } from "./lib/mark-read";
import { ZCaseReviewInput } from "./schemas";

const pages = (episodeId: string) => [`/insatser/${episodeId}`, "/konsultlista", "/flaggor", "/"];

/** The psychiatrist's case review from the patient page: one recommendation, all psychiatrist flags handled. */
export const caseReviewAction = defineAction({
  schema: ZCaseReviewInput.extend({ episodeId: ZId }),
  permission: "review:conduct",
  run: ({ actor, input }) => conductCaseReview({ actor, episodeId: input.episodeId, text: input.text }),
  revalidate: (_d, input) => pages(input.episodeId),
});

/** "Tagen del av": the GP or care manager confirms a recommendation was read. */
export const markReadAction = defineAction({
  schema: z.object({ episodeId: ZId, recommendationId: ZId }),
  run: ({ actor, input }) => markRecommendationRead({ actor, ...input }),
  revalidate: (_d, input) => pages(input.episodeId),
});
