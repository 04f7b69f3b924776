import Link from "next/link";
import { Sparkline } from "@/components/charts/sparkline";
import { ScopeSwitch } from "@/components/scope-switch";
import { todayInStockholm } from "@/lib/dates";
import { daysBetween } from "@/lib/local-date";
import type { Actor } from "@/modules/auth/actor";
import { may } from "@/modules/auth/rules/permissions";
import { FLAG_CODES, FLAG_LABEL, FLAG_TONE } from "@/modules/clinical/rules/flags";
import { formatPersonnummer, formatReduction } from "@/modules/clinical/rules/format";
import { FlagReason } from "@/modules/flags/components/flag-reason";
import { getCaseload, type CaseloadRow } from "../lib/get-caseload";
import { ZCaseloadQuery, type CaseloadQuery, type SortKey } from "../rules/caseload-query";

/**
 * A link to the same list with some of the query changed; defaults are left
 * out of the URL. Such links (filters, sorting) are not prefetched: the list
 * is rendered anew for every query anyway, and each prefetch would be a
 * server request (twenty on opening the page).
 */
function href(q: CaseloadQuery, change: Partial<CaseloadQuery>) {
  const next = { ...q, ...change };
  const defaults = ZCaseloadQuery.parse({});
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(next)) {
    if (v !== undefined && v !== "" && v !== defaults[k as keyof CaseloadQuery]) params.set(k, String(v));
  }
  const s = params.toString();
  return s ? `/patienter?${s}` : "/patienter";
}

const COLUMNS: { key: SortKey; label: string; numeric?: boolean }[] = [
  { key: "namn", label: "Patient" },
  { key: "vecka", label: "Vecka", numeric: true },
  { key: "senaste", label: "MADRS-S", numeric: true },
  { key: "minskning", label: "Minskning", numeric: true },
  { key: "kontakt", label: "Senast nådd" },
  { key: "planerad", label: "Nästa kontakt" },
  { key: "metod", label: "Metod" },
  { key: "flaggor", label: "Flaggor" },
];

const CHIP_TONE = {
  safety: "border-red-300 text-red-900",
  action: "border-amber-400 text-amber-950",
  info: "border-blue-300 text-blue-950",
} as const;

export async function CaseloadPage({ actor, query }: { actor: Actor; query: CaseloadQuery }) {
  const today = todayInStockholm();
  const list = await getCaseload({ actor, query, asOf: today });
  const filtered = query.sok !== "" || query.flagga !== undefined;
  const writes = may(actor.role, "clinical:write");
  const showStaff = !list.mine;

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <h1 className="text-2xl font-semibold">{list.mine ? "Mina patienter" : "Enhetens patienter"}</h1>
        {writes && (
          <Link
            href="/patienter/ny"
            className="rounded bg-brand-700 px-3 py-2 text-sm font-medium text-white hover:bg-brand-800"
          >
            Skriv in patient
          </Link>
        )}
      </div>

      <div className="flex flex-wrap items-center gap-4">
        <ScopeSwitch
          mine={query.vy === "mina"}
          mineHref={href(query, { vy: "mina" })}
          unitHref={href(query, { vy: "enheten" })}
        />
        <form action="/patienter" role="search" className="flex items-end gap-2">
          {query.vy !== "mina" && <input type="hidden" name="vy" value={query.vy} />}
          {query.sortera !== "flaggor" && <input type="hidden" name="sortera" value={query.sortera} />}
          {query.ordning !== "stigande" && <input type="hidden" name="ordning" value={query.ordning} />}
          {query.flagga && <input type="hidden" name="flagga" value={query.flagga} />}
          <label className="text-sm">
            <span className="block font-medium">Sök namn eller personnummer</span>
            <input
              name="sok"
              defaultValue={query.sok}
              type="search"
              className="mt-1 w-64 rounded border border-slate-400 px-2 py-1.5"
            />
          </label>
          <button
            type="submit"
            className="rounded border border-slate-400 bg-white px-3 py-1.5 text-sm font-medium"
          >
            Sök
          </button>
        </form>
      </div>

      <nav aria-label="Filtrera på flagga" className="flex flex-wrap gap-2 text-sm">
        <Link
          href={href(query, { flagga: undefined })}
          prefetch={false}
          aria-current={query.flagga === undefined ? "true" : undefined}
          className="rounded-full border border-slate-300 bg-white px-3 py-1 aria-[current=true]:border-slate-900 aria-[current=true]:font-semibold"
        >
          Alla ({list.searched})
        </Link>
        {FLAG_CODES.filter((c) => list.counts[c] > 0).map((code) => (
          <Link
            key={code}
            href={href(query, { flagga: query.flagga === code ? undefined : code })}
            prefetch={false}
            aria-current={query.flagga === code ? "true" : undefined}
            className={`rounded-full border bg-white px-3 py-1 aria-[current=true]:font-semibold aria-[current=true]:ring-2 aria-[current=true]:ring-slate-900 ${CHIP_TONE[FLAG_TONE[code]]}`}
          >
            {FLAG_LABEL[code]} ({list.counts[code]})
          </Link>
        ))}
      </nav>

      {list.rows.length === 0 ? (
        <EmptyState
          mine={list.mine}
          filtered={filtered}
          total={list.total}
          clearHref={href(query, { sok: "", flagga: undefined })}
          writes={writes}
        />
      ) : (
        <div className="relative overflow-x-auto rounded-lg border border-slate-200 bg-white">
          <table className="w-full text-sm" data-testid="caseload">
            <caption className="sr-only">
              {list.mine ? "Mina patienter" : "Enhetens patienter"}, sorterade efter{" "}
              {COLUMNS.find((c) => c.key === query.sortera)?.label ?? "flaggor"}
            </caption>
            <thead className="bg-slate-100 text-left text-slate-700">
              <tr>
                {COLUMNS.map((c) => {
                  const active = query.sortera === c.key;
                  const nextOrder = active && query.ordning === "stigande" ? "fallande" : "stigande";
                  return (
                    <th
                      key={c.key}
                      scope="col"
                      aria-sort={
                        active ? (query.ordning === "stigande" ? "ascending" : "descending") : undefined
                      }
                      className={`px-2 py-2 font-medium ${c.numeric ? "text-right" : ""}`}
                    >
                      <Link
                        href={href(query, { sortera: c.key, ordning: nextOrder })}
                        prefetch={false}
                        className="hover:underline"
                      >
                        {c.label}
                        <span aria-hidden="true">
                          {active ? (query.ordning === "stigande" ? " ▲" : " ▼") : ""}
                        </span>
                      </Link>
                    </th>
                  );
                })}
                {showStaff && (
                  <th scope="col" className="px-2 py-2 font-medium">
                    Vårdsamordnare
                  </th>
                )}
                {writes && (
                  <th scope="col" className="px-2 py-2 font-medium">
                    Kontakt
                  </th>
                )}
              </tr>
            </thead>
            {/* Cell padding from the body, not repeated in every cell; px-2 so that all columns fit at 1366 px. */}
            <tbody className="[&_td]:px-2 [&_td]:py-1.5">
              {list.rows.map((r) => (
                <Row key={r.episodeId} r={r} today={today} showStaff={showStaff} writes={writes} />
              ))}
            </tbody>
          </table>
        </div>
      )}
      <p className="text-xs text-slate-600">
        Metod: veckor med nådd kontakt av räknade veckor · fysiska besök av enhetens mål. Senast nådd: senaste
        kontakt där patienten nåddes.
      </p>
    </div>
  );
}

function Row({
  r,
  today,
  showStaff,
  writes,
}: {
  r: CaseloadRow;
  today: string;
  showStaff: boolean;
  writes: boolean;
}) {
  const e = r.evaluation;
  const overdue = r.nextPlannedDate !== null && r.nextPlannedDate < today;
  const dueToday = r.nextPlannedDate === today;
  return (
    <tr className="border-t border-slate-100 align-top whitespace-nowrap hover:bg-slate-50">
      <td>
        <Link
          href={`/patienter/${r.patientId}`}
          // Not prefetched: each row in view would be a server request (the layout and its session lookup).
          prefetch={false}
          className="row-link"
        >
          {`${r.patient.familyName}, ${r.patient.givenName}`}
        </Link>
        <div className="row-sub tabular-nums">{formatPersonnummer(r.patient.personnummer)}</div>
      </td>
      <td className="cell-num">
        {e.week === null ? "–" : e.week <= 12 ? `${e.week} av 12` : e.week}
        <div className="text-xs text-slate-600">12 v: {e.reachesTwelveWeeks}</div>
      </td>
      <td className="cell-num">
        <div>
          {e.baseline ?? "–"} → {e.latest ?? "–"}
        </div>
        <Sparkline scores={r.scores} />
      </td>
      <td className="cell-num">{formatReduction(e.reduction)}</td>
      <td className="tabular-nums">
        {e.lastReachedContactDate ?? "–"}
        {e.lastReachedContactDate && (
          <div className="text-xs text-slate-600">{daysBetween(e.lastReachedContactDate, today)} d sedan</div>
        )}
        {r.selfReport && (
          <div className="text-xs font-medium whitespace-normal text-blue-900">
            <span aria-hidden="true">◆ </span>Självskattning {r.selfReport.date}: {r.selfReport.total} p
          </div>
        )}
      </td>
      <td className="tabular-nums">
        {r.nextPlannedDate ?? <span className="text-slate-600">Ingen planerad</span>}
        {overdue && (
          <div className="text-xs font-medium text-amber-900">
            <span aria-hidden="true">● </span>Försenad {daysBetween(r.nextPlannedDate!, today)} d
          </div>
        )}
        {dueToday && <div className="text-xs font-medium text-blue-900">I dag</div>}
      </td>
      <td className="tabular-nums">
        {r.adherence.weeks.counted ? `${r.adherence.weeks.withContact}/${r.adherence.weeks.counted} v` : "–"}
        <div className="text-xs text-slate-600">
          Besök {r.adherence.physical.done}/{r.adherence.physical.target}
          {r.adherence.physical.shortfall && <span className="text-amber-900"> saknas</span>}
        </div>
      </td>
      <td>
        <div className="flex min-w-48 max-w-80 flex-wrap gap-1 whitespace-normal">
          {e.flags.length === 0 ? (
            <span className="text-slate-600">–</span>
          ) : (
            e.flags.map((f) => <FlagReason key={f.code} code={f.code} reason={f.reason} />)
          )}
        </div>
      </td>
      {showStaff && <td>{r.careManager?.name ?? "–"}</td>}
      {writes && (
        <td>
          <Link
            href={`/insatser/${r.episodeId}/kontakt`}
            prefetch={false}
            className="whitespace-nowrap text-blue-800 underline-offset-2 hover:underline"
          >
            Registrera
            <span className="sr-only">
              {" "}
              kontakt för {r.patient.givenName} {r.patient.familyName}
            </span>
          </Link>
        </td>
      )}
    </tr>
  );
}

function EmptyState({
  mine,
  filtered,
  total,
  clearHref,
  writes,
}: {
  mine: boolean;
  filtered: boolean;
  total: number;
  clearHref: string;
  writes: boolean;
}) {
  return (
    <div className="rounded-lg border border-slate-200 bg-white p-6">
      {filtered && total > 0 ? (
        <p>
          Ingen patient matchar sökningen eller filtret.{" "}
          <Link href={clearHref} className="font-medium text-blue-800 underline">
            Visa alla
          </Link>
        </p>
      ) : mine ? (
        <p>
          Du har inga pågående insatser.{" "}
          {writes ? (
            <>
              <Link href="/patienter/ny" className="font-medium text-blue-800 underline">
                Skriv in en patient
              </Link>{" "}
              för att starta en, eller se{" "}
            </>
          ) : (
            "Se "
          )}
          <Link href="/patienter?vy=enheten" className="font-medium text-blue-800 underline">
            hela enhetens patienter
          </Link>
          .
        </p>
      ) : (
        <p>Enheten har inga pågående insatser.</p>
      )}
    </div>
  );
}
