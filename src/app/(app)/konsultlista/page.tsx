import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { todayInStockholm } from "@/lib/dates";
import { isAppError } from "@/lib/errors";
import { isLocalDate } from "@/lib/local-date";
import { isUuid } from "@/lib/request-id";
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
  const { asOf: rawDate, unitId: rawUnit } = await searchParams;
  const typed = typeof rawDate === "string" ? rawDate.trim() : "";
  const asOf = isLocalDate(typed) ? typed : todayInStockholm();
  const unitId = typeof rawUnit === "string" && rawUnit !== "" ? rawUnit : undefined;
  // A unit that is not the actor's is "not found", like any other unit's data.
  if (unitId !== undefined && !isUuid(unitId)) notFound();
  try {
    return await ReviewListPage({
      actor,
      asOf,
      unitId: unitId?.toLowerCase(),
      badDate: typed !== "" && !isLocalDate(typed) ? typed : undefined,
    });
  } catch (e) {
    if (isAppError(e) && e.status === 404) notFound();
    throw e;
  }
}
