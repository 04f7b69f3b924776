import { AppError } from "@/lib/errors";
import { fieldErrors } from "@/lib/schemas";
import { apiRoute, json, parseBody, pathId } from "@/modules/api/lib/handler";
import { ZFlagCode, ZHandleFlagInput } from "@/modules/episodes/schemas";
import { handleFlag } from "@/modules/flags/lib/handle-flag";

export const dynamic = "force-dynamic";

export const POST = apiRoute(async (ctx) => {
  const code = ZFlagCode.safeParse(ctx.params.code);
  if (!code.success)
    throw new AppError("INVALID_INPUT", {
      fieldErrors: { code: fieldErrors(code.error)._ ?? ["Okänd flagga."] },
    });
  const { note } = await parseBody(ctx.req, ZHandleFlagInput);
  return json(
    await handleFlag({
      actor: ctx.actor,
      episodeId: pathId(ctx),
      code: code.data,
      note,
      requestId: ctx.requestId,
    }),
  );
});
