import type { Metadata } from "next";
import { todayInStockholm } from "@/lib/dates";
import { isLocalDate } from "@/lib/local-date";
import { requireActor } from "@/modules/auth/lib/current-actor";
import { may } from "@/modules/auth/rules/permissions";
import { RoleNotice } from "@/modules/home/components/role-notice";
import { ReviewListPage } from "@/modules/review/components/review-list-page";

export const metadata: Metadata = { title: "Konsultlista" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function Page({ searchParams }: { searchParams: SearchParams }) {
  const actor = await requireActor();
  if (!may(actor.role, "clinical:read"))
    return <RoleNotice>Konsultlistan visar patientuppgifter och är för vårdens roller.</RoleNotice>;
  const raw = (await searchParams).asOf;
  const asOf = typeof raw === "string" && isLocalDate(raw) ? raw : todayInStockholm();
  return <ReviewListPage actor={actor} asOf={asOf} />;
}
