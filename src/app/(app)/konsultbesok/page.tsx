import type { Metadata } from "next";
import { todayInStockholm } from "@/lib/dates";
import { requireActor } from "@/modules/auth/lib/current-actor";
import { may } from "@/modules/auth/rules/permissions";
import { RoleNotice } from "@/modules/home/components/role-notice";
import { VisitsPage } from "@/modules/visits/components/visits-page";

export const metadata: Metadata = { title: "Konsultbesök" };

export default async function Page() {
  const actor = await requireActor();
  if (!may(actor.role, "clinical:read"))
    return <RoleNotice>Konsultbesök visar patientuppgifter och är för vårdens roller.</RoleNotice>;
  return <VisitsPage actor={actor} today={todayInStockholm()} />;
}
