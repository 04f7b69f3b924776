import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { todayInStockholm } from "@/lib/dates";
import { requireActor } from "@/modules/auth/lib/current-actor";
import { may } from "@/modules/auth/rules/permissions";
import { RoleNotice } from "@/modules/home/components/role-notice";
import { ReportPage } from "@/modules/reports/components/report-page";
import { parseReportQuery } from "@/modules/reports/rules/report-query";

export const metadata: Metadata = { title: "Uppföljning" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function Page({ searchParams }: { searchParams: SearchParams }) {
  const actor = await requireActor();
  if (!may(actor.role, "unit:administer"))
    return <RoleNotice>Uppföljningen är verksamhetschefens.</RoleNotice>;
  const q = parseReportQuery(await searchParams, actor.unitIds, todayInStockholm());
  if (!q.unitId) notFound();
  return (
    <ReportPage
      actor={actor}
      unitId={q.unitId}
      period={q.period}
      preset={q.preset}
      error={q.error}
      typed={q.typed}
    />
  );
}
