import type { Metadata } from "next";
import { requireActor } from "@/lib/authz";
import { todayInStockholm } from "@/lib/dates";
import { isLocalDate } from "@/modules/clinical/rules/local-date";
import { ReviewListPage } from "@/modules/review/components/review-list-page";
import { RoleNotice } from "@/modules/home/components/role-notice";

export const metadata: Metadata = { title: "Konsultlista" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function Page({ searchParams }: { searchParams: SearchParams }) {
  const actor = await requireActor();
  if (actor.role === "VERKSAMHETSCHEF")
    return <RoleNotice>Konsultlistan visar patientuppgifter och är för vårdens roller.</RoleNotice>;
  const raw = (await searchParams).asOf;
  const asOf = typeof raw === "string" && isLocalDate(raw) ? raw : todayInStockholm();
  return <ReviewListPage actor={actor} asOf={asOf} />;
}
