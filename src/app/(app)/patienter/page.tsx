import type { Metadata } from "next";
import { requireActor } from "@/modules/auth/lib/current-actor";
import { may } from "@/modules/auth/rules/permissions";
import { CaseloadPage } from "@/modules/caseload/components/caseload-page";
import { parseCaseloadQuery } from "@/modules/caseload/rules/caseload-query";
import { RoleNotice } from "@/modules/home/components/role-notice";

export const metadata: Metadata = { title: "Mina patienter" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function Page({ searchParams }: { searchParams: SearchParams }) {
  const actor = await requireActor();
  if (!may(actor.role, "clinical:read"))
    return <RoleNotice>Patientlistan visar patientuppgifter och är för vårdens roller.</RoleNotice>;
  return <CaseloadPage actor={actor} query={parseCaseloadQuery(await searchParams)} />;
}
