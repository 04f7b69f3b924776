import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { todayInStockholm } from "@/lib/dates";
import { ReviewsReportPage } from "@/modules/access-review/components/reviews-report-page";
import { requireActor } from "@/modules/auth/lib/current-actor";
import { may } from "@/modules/auth/rules/permissions";
import { RoleNotice } from "@/modules/home/components/role-notice";
import { parseReportQuery } from "@/modules/reports/rules/report-query";

export const metadata: Metadata = { title: "Genomförda granskningar – Loggkontroll" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function Page({ searchParams }: { searchParams: SearchParams }) {
  const actor = await requireActor();
  if (!may(actor.role, "unit:administer"))
    return <RoleNotice>Loggkontrollen görs av verksamhetschefen.</RoleNotice>;
  const q = parseReportQuery(await searchParams, actor.unitIds, todayInStockholm());
  if (!q.unitId) notFound();
  return (
    <ReviewsReportPage actor={actor} unitId={q.unitId} period={q.period} error={q.error} typed={q.typed} />
  );
}
