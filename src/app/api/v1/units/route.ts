import { apiRoute } from "@/modules/api/lib/handler";
import { unitsContract } from "./contract";

export const dynamic = "force-dynamic";

export const GET = apiRoute(unitsContract, async ({ actor }) => actor.units);
