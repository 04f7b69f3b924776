import type { Metadata } from "next";
import { todayInStockholm } from "@/lib/dates";
import { isLocalDate } from "@/lib/local-date";
import { requireActor } from "@/modules/auth/lib/current-actor";
import { PatientPage } from "@/modules/episodes/components/patient-page";
import { scopedPage } from "@/modules/patient-data/components/scoped-page";

export const metadata: Metadata = { title: "Insats" };

type Props = {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

/** One episode of a patient: the patient page showing that episode. */
export default async function Page({ params, searchParams }: Props) {
  const actor = await requireActor();
  const { asOf: raw, sparad } = await searchParams;
  const today = todayInStockholm();
  const asOf = typeof raw === "string" && isLocalDate(raw) ? raw : today;
  const saved = typeof sparad === "string" ? sparad : undefined;
  return scopedPage(
    (await params).id,
    (episodeId) => PatientPage({ actor, which: { episodeId }, asOf, today, saved }),
    "Journaluppgifter visas bara för vårdens roller.",
  );
}
