import { apiRoute, json } from "@/modules/api/lib/handler";

export const dynamic = "force-dynamic";

export const GET = apiRoute(async ({ actor }) =>
  json({
    id: actor.userId,
    username: actor.username,
    displayName: actor.displayName,
    role: actor.role,
    units: actor.units,
  }),
);
