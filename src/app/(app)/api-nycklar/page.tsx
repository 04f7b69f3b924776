import type { Metadata } from "next";
import { now } from "@/lib/clock";
import { requireActor } from "@/modules/auth/lib/current-actor";
import { ApiTokensPage } from "@/modules/api-tokens/components/api-tokens-page";

export const metadata: Metadata = { title: "API-nycklar" };

export default async function Page() {
  return <ApiTokensPage actor={await requireActor()} now={now()} />;
}
