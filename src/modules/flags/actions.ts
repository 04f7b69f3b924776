"use server";

import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import { authorize, currentActor } from "@/lib/authz";
import { isAppError } from "@/lib/errors";
import { trustedRequestId } from "@/lib/request-id";
import { fieldErrors } from "@/lib/schemas";
import { ZFlagCode, ZHandleFlagInput } from "@/modules/episodes/schemas";
import { ZId } from "@/lib/schemas";
import { handleFlag } from "./lib/handle-flag";

// On success the page re-renders from the server: the flag leaves the open list
// (and its form with it) and shows among the handled ones.
export type HandleFlagState = { error?: string; fieldErrors?: Record<string, string[]> };

/** The form's way to the same use case as POST /api/v1/episodes/{id}/flags/{code}/handle. */
export async function handleFlagAction(_prev: HandleFlagState, form: FormData): Promise<HandleFlagState> {
  const episodeId = ZId.safeParse(form.get("episodeId"));
  const code = ZFlagCode.safeParse(form.get("code"));
  const input = ZHandleFlagInput.safeParse({ note: form.get("note") });
  if (!episodeId.success || !code.success) return { error: "Formuläret är ofullständigt. Ladda om sidan." };
  if (!input.success) return { fieldErrors: fieldErrors(input.error) };
  try {
    const actor = authorize(await currentActor());
    await handleFlag({
      actor,
      episodeId: episodeId.data,
      code: code.data,
      note: input.data.note,
      requestId: trustedRequestId((await headers()).get("x-request-id")),
    });
  } catch (e) {
    if (isAppError(e)) return { error: e.userMessage };
    throw e;
  }
  revalidatePath(`/insatser/${episodeId.data}`);
  revalidatePath("/konsultlista");
  return {};
}
