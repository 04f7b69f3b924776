import { apiRoute } from "@/modules/api/lib/handler";
import { handleFlag } from "@/modules/flags/lib/handle-flag";
import { handleFlagContract } from "./contract";

export const dynamic = "force-dynamic";

export const POST = apiRoute(handleFlagContract, ({ actor, params, body }) =>
  handleFlag({ actor, episodeId: params.id, code: params.code, note: body.note, decision: body.decision }),
);
