import { Breadcrumbs } from "@/components/breadcrumbs";
import { todayInStockholm } from "@/lib/dates";
import type { Actor } from "@/modules/auth/actor";
import { formatPersonnummer } from "@/modules/clinical/rules/format";
import { getContactFormContext } from "../lib/contact-form-context";
import { ContactForm } from "./contact-form";

export async function ContactFormPage({ actor, episodeId }: { actor: Actor; episodeId: string }) {
  const ctx = await getContactFormContext({ actor, episodeId });
  const { patient, episode } = ctx;
  const name = `${patient.givenName} ${patient.familyName}`;
  const today = todayInStockholm();
  return (
    <div className="max-w-4xl space-y-4">
      <Breadcrumbs
        trail={[
          { href: "/patienter", label: "Mina patienter" },
          { href: `/patienter/${patient.id}?insats=${episode.id}`, label: name },
        ]}
        current="Registrera kontakt"
      />
      <h1 className="text-2xl font-semibold">
        Registrera kontakt <span className="font-normal text-slate-700">– {name}</span>
      </h1>
      <p className="text-slate-700">
        <span className="tabular-nums">{formatPersonnummer(patient.personnummer)}</span> · Insats från{" "}
        {episode.startDate}
      </p>
      {!episode.open && (
        <p className="rounded border border-blue-200 bg-blue-50 p-3 text-blue-950">
          Insatsen avslutades {episode.closedDate}. Kontakter kan efterregistreras till och med det datumet;
          starta en ny insats under Skriv in patient för nya kontakter.
        </p>
      )}
      <ContactForm
        episodeId={episode.id}
        idempotencyKey={crypto.randomUUID()}
        today={episode.closedDate && episode.closedDate < today ? episode.closedDate : today}
        startDate={episode.startDate}
        safetyRiskItem9={ctx.safetyRiskItem9}
        safetyCheckItem9={ctx.safetyCheckItem9}
        selfReport={ctx.selfReport}
      />
    </div>
  );
}
