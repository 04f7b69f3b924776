import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { chosenUnit } from "@/lib/chosen-unit";
import { requireActor } from "@/modules/auth/lib/current-actor";
import { may } from "@/modules/auth/rules/permissions";
import { RoleNotice } from "@/modules/home/components/role-notice";
import { UsersPage } from "@/modules/admin/components/users-page";

export const metadata: Metadata = { title: "Användare – Inställningar" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function Page({ searchParams }: { searchParams: SearchParams }) {
  const actor = await requireActor();
  if (!may(actor.role, "unit:administer"))
    return <RoleNotice>Användare hanteras av verksamhetschefen.</RoleNotice>;
  const unitId = chosenUnit((await searchParams).unitId, actor.unitIds);
  if (!unitId) notFound();
  return <UsersPage actor={actor} unitId={unitId} />;
}
