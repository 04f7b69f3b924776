import type { Metadata } from "next";
import { todayInStockholm } from "@/lib/dates";
import { isLocalDate } from "@/lib/local-date";
import { isUuid } from "@/lib/request-id";
import { requireActor } from "@/modules/auth/lib/current-actor";
import { PatientPage } from "@/modules/episodes/components/patient-page";
import { scopedPage } from "@/modules/patient-data/components/scoped-page";

export const metadata: Metadata = { title: "Patient" };

type Props = {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export default async function Page({ params, searchParams }: Props) {
  const actor = await requireActor();
  const { asOf: rawAsOf, insats, sparad } = await searchParams;
  const today = todayInStockholm();
  const asOf = typeof rawAsOf === "string" && isLocalDate(rawAsOf) ? rawAsOf : today;
  // ?insats= picks one of the patient's episodes; the patient's own scope still decides.
  const episodeId = typeof insats === "string" && isUuid(insats) ? insats.toLowerCase() : undefined;
  return scopedPage(
    (await params).id,
    (patientId) =>
      PatientPage({
        actor,
        which: episodeId ? { patientId, episodeId } : { patientId },
        asOf,
        today,
        saved: typeof sparad === "string" ? sparad : undefined,
      }),
    "Journaluppgifter visas bara för vårdens roller.",
  );
}
