import Link from "next/link";
import { FlagBadge } from "@/modules/flags/components/flag-badge";
import { formatPersonnummer } from "@/modules/clinical/rules/format";
import type { FlaggedRow } from "../lib/get-flagged";

/** Open flags as a dense table: the flag, the patient, why, and since when (longest open first within a flag). */
export function FlagTable({
  flags,
  caption,
  showStaff = false,
}: {
  flags: readonly FlaggedRow[];
  caption: string;
  showStaff?: boolean;
}) {
  return (
    <div className="relative overflow-x-auto rounded-lg border border-slate-200 bg-white">
      <table className="w-full text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="bg-slate-100 text-left text-slate-700">
          <tr>
            <th scope="col" className="px-3 py-2 font-medium">
              Flagga
            </th>
            <th scope="col" className="px-3 py-2 font-medium">
              Patient
            </th>
            <th scope="col" className="px-3 py-2 font-medium">
              Varför
            </th>
            <th scope="col" className="px-3 py-2 font-medium">
              Öppen sedan
            </th>
            {showStaff && (
              <th scope="col" className="px-3 py-2 font-medium">
                Vårdsamordnare / läkare
              </th>
            )}
          </tr>
        </thead>
        <tbody>
          {flags.map((f) => (
            <tr key={`${f.row.episodeId}-${f.code}`} className="border-t border-slate-100 align-top">
              <td className="px-3 py-1.5">
                <FlagBadge code={f.code} />
              </td>
              <td className="px-3 py-1.5">
                <Link
                  href={`/patienter/${f.row.patientId}#flags`}
                  prefetch={false}
                  className="font-medium text-blue-800 underline-offset-2 hover:underline"
                >
                  {f.row.patient.familyName}, {f.row.patient.givenName}
                </Link>
                <div className="whitespace-nowrap text-xs text-slate-600 tabular-nums">
                  {formatPersonnummer(f.row.patient.personnummer)}
                  {f.row.evaluation.week !== null && ` · vecka ${f.row.evaluation.week}`}
                </div>
              </td>
              <td className="px-3 py-1.5">{f.reason}</td>
              <td className="whitespace-nowrap px-3 py-1.5 tabular-nums">
                {f.since}
                <div className="text-xs text-slate-600">
                  {f.daysOpen === 0 ? "i dag" : f.daysOpen === 1 ? "1 dag" : `${f.daysOpen} dagar`}
                </div>
              </td>
              {showStaff && (
                <td className="px-3 py-1.5">
                  {f.row.careManager?.name ?? "–"}
                  <div className="text-xs text-slate-600">{f.row.gp?.name ?? "Ingen läkare angiven"}</div>
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
