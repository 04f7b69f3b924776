"use server";

import { ZId } from "@/lib/schemas";
import { defineAction } from "@/modules/forms/lib/define-action";
import { changeStatus } from "./lib/change-status";
import { ZChangeStatus } from "./schemas";

/**
 * A status change from the patient page: the same use case as
 * POST /api/v1/episodes/{id}/status, always with the version the page showed,
 * so a change made meanwhile by someone else is refused (409), not overwritten.
 */
export const changeStatusAction = defineAction({
  schema: ZChangeStatus.safeExtend({ episodeId: ZId }),
  fromForm: (form) => {
    const f = Object.fromEntries([...form.entries()].filter((e) => typeof e[1] === "string"));
    return { ...f, version: f.version ? Number(f.version) : undefined };
  },
  run: ({ actor, input }) => {
    const { episodeId, ...change } = input;
    return changeStatus({ actor, episodeId, input: change });
  },
  revalidate: (_data, input) => [`/insatser/${input.episodeId}`, "/patienter", "/flaggor", "/"],
});
