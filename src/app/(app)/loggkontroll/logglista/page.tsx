import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { todayInStockholm } from "@/lib/dates";
import { isAppError } from "@/lib/errors";
import { LogExtractPage } from "@/modules/access-review/components/log-extract-page";
import { parseLogQuery } from "@/modules/access-review/rules/log-query";
import { requireActor } from "@/modules/auth/lib/current-actor";
import { may } from "@/modules/auth/rules/permissions";
import { RoleNotice } from "@/modules/home/components/role-notice";

export const metadata: Metadata = { title: "Logglista – Loggkontroll" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function Page({ searchParams }: { searchParams: SearchParams }) {
  const actor = await requireActor();
  if (!may(actor.role, "unit:administer"))
    return <RoleNotice>Loggkontrollen görs av verksamhetschefen.</RoleNotice>;
  const query = parseLogQuery(await searchParams, todayInStockholm());
  try {
    return await LogExtractPage({ actor, query });
  } catch (e) {
    // A patient or a user of another unit is "not found", like a missing one.
    if (isAppError(e) && e.status === 404) notFound();
    throw e;
  }
}
