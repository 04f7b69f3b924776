import type { Metadata } from "next";
import { requireActor } from "@/modules/auth/lib/current-actor";
import { ROLE_RECIPIENT } from "@/modules/auth/rules/permissions";
import { FlaggedPage } from "@/modules/caseload/components/flagged-page";
import { RoleNotice } from "@/modules/home/components/role-notice";

export const metadata: Metadata = { title: "Flaggade patienter" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function Page({ searchParams }: { searchParams: SearchParams }) {
  const actor = await requireActor();
  if (ROLE_RECIPIENT[actor.role] === null)
    return <RoleNotice>Flaggor går till vårdens roller och visar patientuppgifter.</RoleNotice>;
  const scope = (await searchParams).vy === "enheten" ? "enheten" : "mina";
  return <FlaggedPage actor={actor} scope={scope} />;
}
