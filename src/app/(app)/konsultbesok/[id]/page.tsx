import type { Metadata } from "next";
import { todayInStockholm } from "@/lib/dates";
import { requireActor } from "@/modules/auth/lib/current-actor";
import { scopedPage } from "@/modules/patient-data/components/scoped-page";
import { VisitPage } from "@/modules/visits/components/visit-page";

export const metadata: Metadata = { title: "Konsultbesök" };

export default async function Page({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requireActor();
  return scopedPage(
    (await params).id,
    (visitId) => VisitPage({ actor, visitId, today: todayInStockholm() }),
    "Konsultbesök visar patientuppgifter och är för vårdens roller.",
  );
}
