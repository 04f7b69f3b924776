import { apiRoute } from "@/modules/api/lib/handler";
import { meContract } from "./contract";

export const dynamic = "force-dynamic";

export const GET = apiRoute(meContract, async ({ actor }) => ({
  id: actor.userId,
  username: actor.username,
  displayName: actor.displayName,
  role: actor.role,
  units: actor.units,
}));
