import { apiRoute, json, parseBody, pathId } from "@/modules/api/lib/handler";
import { logContact } from "@/modules/contacts/lib/log-contact";
import { ZLogContact } from "@/modules/contacts/schemas";

export const dynamic = "force-dynamic";

export const POST = apiRoute(async (ctx) => {
  const input = await parseBody(ctx.req, ZLogContact);
  return json(
    await logContact({ actor: ctx.actor, episodeId: pathId(ctx), input, requestId: ctx.requestId }),
    201,
  );
});
