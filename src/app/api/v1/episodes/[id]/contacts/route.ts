import { apiRoute } from "@/modules/api/lib/handler";
import { logContact } from "@/modules/contacts/lib/log-contact";
import { logContactContract } from "./contract";

export const dynamic = "force-dynamic";

export const POST = apiRoute(logContactContract, ({ actor, params, body }) =>
  logContact({ actor, episodeId: params.id, input: body }),
);
