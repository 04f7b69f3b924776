import type { Metadata } from "next";
import { requireActor } from "@/modules/auth/lib/current-actor";
import { may } from "@/modules/auth/rules/permissions";
import { RoleNotice } from "@/modules/home/components/role-notice";
import { EnrollPage } from "@/modules/patients/components/enroll-page";

export const metadata: Metadata = { title: "Skriv in patient" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function Page({ searchParams }: { searchParams: SearchParams }) {
  const actor = await requireActor();
  if (!may(actor.role, "clinical:write"))
    return <RoleNotice>Patienter skrivs in av vårdsamordnare och allmänläkare.</RoleNotice>;
  const raw = (await searchParams).personnummer;
  return <EnrollPage actor={actor} search={typeof raw === "string" && raw.trim() !== "" ? raw : undefined} />;
}
