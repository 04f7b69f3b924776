import Link from "next/link";
import { todayInStockholm } from "@/lib/dates";
import type { Actor } from "@/modules/auth/actor";
import { getFlaggedPatients } from "../lib/get-flagged";
import { ownPatients } from "../lib/get-caseload";
import { FlagTable } from "./flag-table";

/** "Flaggade patienter": one page for every clinical role, the flags routed to it. */
export async function FlaggedPage({ actor, scope }: { actor: Actor; scope: "mina" | "enheten" }) {
  const hasOwn = ownPatients(actor) !== null;
  const list = await getFlaggedPatients({
    actor,
    scope: hasOwn ? scope : "enheten",
    asOf: todayInStockholm(),
  });
  const patients = new Set(list.flags.map((f) => f.row.patientId)).size;
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold">Flaggade patienter</h1>
      <p className="text-slate-700">
        Öppna flaggor som går till din roll, de mest brådskande först (säkerhet först), längst öppna först
        inom varje flagga.
      </p>
      {hasOwn && (
        <nav aria-label="Urval" className="inline-flex rounded border border-slate-300 bg-white text-sm">
          <Link
            href="/flaggor"
            aria-current={list.mine ? "page" : undefined}
            className="px-3 py-1.5 aria-[current=page]:bg-brand-700 aria-[current=page]:text-white"
          >
            Mina patienter
          </Link>
          <Link
            href="/flaggor?vy=enheten"
            aria-current={!list.mine ? "page" : undefined}
            className="border-l border-slate-300 px-3 py-1.5 aria-[current=page]:bg-brand-700 aria-[current=page]:text-white"
          >
            Hela enheten
          </Link>
        </nav>
      )}
      {list.flags.length === 0 ? (
        <p className="rounded-lg border border-slate-200 bg-white p-6">
          Inga öppna flaggor för din roll{list.mine ? " bland dina patienter" : ""}. Nya flaggor visas här
          samma dag som de uppstår.
        </p>
      ) : (
        <>
          <p className="text-sm text-slate-700" aria-live="polite">
            {list.flags.length} {list.flags.length === 1 ? "flagga" : "flaggor"} hos {patients}{" "}
            {patients === 1 ? "patient" : "patienter"}.
          </p>
          <FlagTable flags={list.flags} caption="Flaggade patienter" showStaff={!list.mine} />
        </>
      )}
    </div>
  );
}
