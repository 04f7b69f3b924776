import { apiRoute } from "@/modules/api/lib/handler";
import { changeStatus } from "@/modules/episodes/lib/change-status";
import { changeStatusContract } from "./contract";

export const dynamic = "force-dynamic";

export const POST = apiRoute(changeStatusContract, ({ actor, params, body }) =>
  changeStatus({ actor, episodeId: params.id, input: body }),
);
