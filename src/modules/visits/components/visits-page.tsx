import Link from "next/link";
import type { LocalDate } from "@/lib/local-date";
import type { Actor } from "@/modules/auth/actor";
import { may } from "@/modules/auth/rules/permissions";
import { listVisits } from "../lib/list-visits";
import { CreateVisitForm } from "./agenda-controls";

/** "Konsultbesök": coming and past visits per unit; the psychiatrist plans a new one here. */
export async function VisitsPage({ actor, today }: { actor: Actor; today: LocalDate }) {
  const visits = await listVisits({ actor });
  const unitName = new Map(actor.units.map((u) => [u.id, u.name]));
  const coming = visits.filter((v) => v.date >= today).reverse();
  const past = visits.filter((v) => v.date < today);
  const table = (rows: typeof visits, caption: string) => (
    <table className="w-full rounded-lg border border-slate-200 bg-white text-sm">
      <caption className="sr-only">{caption}</caption>
      <thead className="bg-slate-100 text-left text-slate-700">
        <tr>
          <th scope="col" className="px-3 py-2 font-medium">
            Datum
          </th>
          <th scope="col" className="px-3 py-2 font-medium">
            Enhet
          </th>
          <th scope="col" className="px-3 py-2 font-medium">
            Psykiater
          </th>
          <th scope="col" className="px-3 py-2 text-right font-medium">
            Patienter
          </th>
          <th scope="col" className="px-3 py-2 text-right font-medium">
            Med rekommendation
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((v) => (
          <tr key={v.id} className="border-t border-slate-100">
            <td className="px-3 py-1.5 tabular-nums">
              <Link href={`/konsultbesok/${v.id}`} className="font-medium text-blue-800 underline">
                {v.date}
              </Link>
            </td>
            <td className="px-3 py-1.5">{unitName.get(v.unitId) ?? ""}</td>
            <td className="px-3 py-1.5">{v.psychiatrist}</td>
            <td className="px-3 py-1.5 text-right tabular-nums">{v.items}</td>
            <td className="px-3 py-1.5 text-right tabular-nums">{v.recommended}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold">Konsultbesök</h1>
      {may(actor.role, "review:conduct") && (
        <section aria-labelledby="plan" className="space-y-2">
          <h2 id="plan" className="text-lg font-semibold">
            Planera besök
          </h2>
          <p className="text-sm text-slate-700">
            Dagordningen byggs av konsultlistan per besöksdagen, de mest angelägna först; ändra den sedan.
          </p>
          <CreateVisitForm units={actor.units} today={today} />
        </section>
      )}
      <section aria-labelledby="coming" className="space-y-2">
        <h2 id="coming" className="text-lg font-semibold">
          Kommande
        </h2>
        {coming.length ? (
          table(coming, "Kommande konsultbesök")
        ) : (
          <p className="text-slate-700">Inga planerade besök.</p>
        )}
      </section>
      <section aria-labelledby="past" className="space-y-2">
        <h2 id="past" className="text-lg font-semibold">
          Tidigare
        </h2>
        {past.length ? (
          table(past, "Tidigare konsultbesök")
        ) : (
          <p className="text-slate-700">Inga tidigare besök.</p>
        )}
      </section>
    </div>
  );
}
