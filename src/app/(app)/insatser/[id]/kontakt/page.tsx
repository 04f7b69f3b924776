import type { Metadata } from "next";
import { requireActor } from "@/modules/auth/lib/current-actor";
import { ContactFormPage } from "@/modules/contacts/components/contact-form-page";
import { scopedPage } from "@/modules/patient-data/components/scoped-page";

export const metadata: Metadata = { title: "Registrera kontakt" };

export default async function Page({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requireActor();
  return scopedPage(
    (await params).id,
    (episodeId) => ContactFormPage({ actor, episodeId }),
    "Kontakter registreras av vårdsamordnare och allmänläkare.",
  );
}
