import type { Metadata } from "next";
import { requireActor } from "@/modules/auth/lib/current-actor";
import { may } from "@/modules/auth/rules/permissions";
import { RoleNotice } from "@/modules/home/components/role-notice";
import { scopedPage } from "@/modules/patient-data/components/scoped-page";
import { EnrollPage } from "@/modules/patients/components/enroll-page";

export const metadata: Metadata = { title: "Skriv in patient" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function Page({ searchParams }: { searchParams: SearchParams }) {
  const actor = await requireActor();
  if (!may(actor.role, "clinical:write"))
    return <RoleNotice>Patienter skrivs in av vårdsamordnare och allmänläkare.</RoleNotice>;
  // A patient's page sends its patient by id (?patient=…); another unit's is "not found".
  const { patient } = await searchParams;
  if (typeof patient === "string" && patient !== "")
    return scopedPage(
      patient,
      (patientId) => EnrollPage({ actor, patientId }),
      "Patienter skrivs in av vårdsamordnare och allmänläkare.",
    );
  return <EnrollPage actor={actor} />;
}
