import { ScopeSwitch } from "@/components/scope-switch";
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
      {hasOwn && <ScopeSwitch mine={list.mine} mineHref="/flaggor" unitHref="/flaggor?vy=enheten" />}
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
