import { apiRoute, json } from "@/modules/api/lib/handler";

export const dynamic = "force-dynamic";

export const GET = apiRoute(async ({ actor }) => json(actor.units));
