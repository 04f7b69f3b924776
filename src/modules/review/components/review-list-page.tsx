import Link from "next/link";
import { Th } from "@/components/table";
import type { Actor } from "@/modules/auth/actor";
import { formatPersonnummer, formatReduction } from "@/modules/clinical/rules/format";
import type { LocalDate } from "@/lib/local-date";
import { FlagBadge } from "@/modules/flags/components/flag-badge";
import { reviewListWithNames } from "../lib/review-list";

export async function ReviewListPage({ actor, asOf }: { actor: Actor; asOf: LocalDate }) {
  const list = await reviewListWithNames({ actor, asOf });
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold">Konsultlista</h1>
          <p className="text-slate-700">
            Patienter med flaggor till psykiatern, de mest angelägna först. Per den {list.asOf}.
          </p>
        </div>
        <form method="get" className="flex items-end gap-2">
          <div>
            <label htmlFor="asOf" className="block text-sm font-medium">
              Per datum (t.ex. besöksdagen)
            </label>
            <input
              id="asOf"
              name="asOf"
              type="date"
              defaultValue={list.asOf}
              className="mt-1 rounded border border-slate-400 px-2 py-1.5"
            />
          </div>
          <button
            type="submit"
            className="rounded border border-slate-400 bg-white px-3 py-1.5 font-medium hover:bg-slate-100"
          >
            Visa
          </button>
        </form>
      </div>
      {list.items.length === 0 ? (
        <p className="rounded border border-slate-200 bg-white p-4 text-slate-700">
          Inga patienter behöver genomgång per den {list.asOf}.
        </p>
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full border-collapse rounded-lg border border-slate-200 bg-white text-sm">
            <caption className="sr-only">
              Konsultlista per den {list.asOf}, {list.items.length} patienter
            </caption>
            <thead className="bg-slate-100 text-left text-slate-700">
              <tr>
                <Th>Patient</Th>
                <Th>Enhet</Th>
                <Th numeric>Vecka</Th>
                <Th numeric>Utgångsvärde → senaste</Th>
                <Th numeric>Minskning</Th>
                <Th>Flaggor</Th>
              </tr>
            </thead>
            <tbody>
              {list.items.map((item) => (
                <tr key={item.episodeId} className="border-t border-slate-100 align-top">
                  <td className="px-3 py-2">
                    <Link
                      href={`/insatser/${item.episodeId}?asOf=${list.asOf}`}
                      className="font-medium text-blue-800 underline-offset-2 hover:underline"
                    >
                      {item.patient.familyName}, {item.patient.givenName}
                    </Link>
                    <div className="text-xs tabular-nums text-slate-600">
                      {formatPersonnummer(item.patient.personnummer)}
                    </div>
                  </td>
                  <td className="px-3 py-2">{item.unitName}</td>
                  <td className="px-3 py-2 text-right tabular-nums">{item.week}</td>
                  <td className="px-3 py-2 text-right tabular-nums">
                    {item.baseline ?? "–"} → {item.latest ?? "–"}
                  </td>
                  <td className="px-3 py-2 text-right tabular-nums">{formatReduction(item.reduction)}</td>
                  <td className="px-3 py-2">
                    <div className="flex flex-wrap gap-1">
                      {item.flags.map((code) => (
                        <FlagBadge key={code} code={code} />
                      ))}
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
