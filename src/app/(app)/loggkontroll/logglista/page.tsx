import type { Metadata } from "next";
import { LogExtractPage } from "@/modules/access-review/components/log-extract-page";
import { logRoute } from "@/modules/access-review/components/log-route";

export const metadata: Metadata = { title: "Logglista – Loggkontroll" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default function Page({ searchParams }: { searchParams: SearchParams }) {
  return logRoute(searchParams, LogExtractPage);
}
