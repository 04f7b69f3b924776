import type { Metadata } from "next";
import { requireActor } from "@/modules/auth/lib/current-actor";
import { scopedPage } from "@/modules/patient-data/components/scoped-page";
import { VisitPrint } from "@/modules/visits/components/visit-print";

export const metadata: Metadata = { title: "Konsultbesök – utskrift" };

export default async function Page({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requireActor();
  return scopedPage(
    (await params).id,
    (visitId) => VisitPrint({ actor, visitId }),
    "Konsultbesök visar patientuppgifter och är för vårdens roller.",
  );
}
