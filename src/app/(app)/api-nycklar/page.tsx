import type { Metadata } from "next";
import { requireActor } from "@/lib/authz";
import { ApiTokensPage } from "@/modules/api-tokens/components/api-tokens-page";

export const metadata: Metadata = { title: "API-nycklar" };

export default async function Page() {
  return <ApiTokensPage actor={await requireActor()} />;
}
