import type { Metadata } from "next";
import { LogReviewPage } from "@/modules/access-review/components/log-review-page";
import { logRoute } from "@/modules/access-review/components/log-route";

export const metadata: Metadata = { title: "Loggkontroll" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default function Page({ searchParams }: { searchParams: SearchParams }) {
  return logRoute(searchParams, LogReviewPage);
}
