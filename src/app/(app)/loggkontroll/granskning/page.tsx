import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { chosenUnit } from "@/lib/chosen-unit";
import { todayInStockholm } from "@/lib/dates";
import { ReviewMonthPage } from "@/modules/access-review/components/review-month-page";
import { requireActor } from "@/modules/auth/lib/current-actor";
import { may } from "@/modules/auth/rules/permissions";
import { RoleNotice } from "@/modules/home/components/role-notice";

export const metadata: Metadata = { title: "Granskning – Loggkontroll" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function Page({ searchParams }: { searchParams: SearchParams }) {
  const actor = await requireActor();
  if (!may(actor.role, "unit:administer"))
    return <RoleNotice>Loggkontrollen görs av verksamhetschefen.</RoleNotice>;
  const params = await searchParams;
  const unitId = chosenUnit(params.unitId, actor.unitIds);
  if (!unitId) notFound();
  const thisMonth = todayInStockholm().slice(0, 7);
  const asked = typeof params.month === "string" ? params.month : "";
  // A month from 2000 to this one; anything else shows this month.
  const month =
    /^\d{4}-(0[1-9]|1[0-2])$/.test(asked) && asked >= "2000-01" && asked <= thisMonth ? asked : thisMonth;
  return <ReviewMonthPage actor={actor} unitId={unitId} month={month} thisMonth={thisMonth} />;
}
