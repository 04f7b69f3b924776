import Link from "next/link";
import { PeriodInputs } from "@/components/period-inputs";
import { Td, Th } from "@/components/table";
import { formatDateTime } from "@/lib/format";
import type { Actor } from "@/modules/auth/actor";
import { ROLE_LABEL } from "@/modules/auth/roles";
import { formatPersonnummer } from "@/modules/clinical/rules/format";
import { getUnitTeams } from "@/modules/home/lib/get-home-data";
import { searchAccessLog } from "../lib/search-access-log";
import { ACTION_LABEL, REFUSAL_LABEL } from "../rules/describe";
import type { LogQuery } from "../rules/log-query";
import { LogNav } from "./log-nav";
import { PatientLogForm } from "./patient-log-form";

const FILTER_ACTIONS = ["READ", "CREATE", "UPDATE", "EXPORT", "LOGIN", "LOGIN_FAILED"] as const;

/**
 * "Loggkontroll": the access log of the verksamhetschef's units by patient or
 * by user, in a period, filtered by kind of event, newest first, 50 a page.
 */
export async function LogReviewPage({ actor, query }: { actor: Actor; query: LogQuery }) {
  const teams = await getUnitTeams(actor);
  const staff = [
    ...new Map(teams.flatMap((t) => t.memberships.map((m) => [m.user.id, m.user] as const))).values(),
  ].sort((a, b) => a.displayName.localeCompare(b.displayName, "sv"));
  const searching = query.patientIds.length > 0 || query.userId !== undefined;
  const result = searching
    ? await searchAccessLog({
        actor,
        search: {
          patientIds: query.patientIds,
          userId: query.userId,
          from: query.from,
          to: query.to,
          action: query.action,
          before: query.before,
        },
      })
    : null;
  const userName = query.userId ? staff.find((u) => u.id === query.userId)?.displayName : undefined;
  const patient = result?.subjects[0];
  const params = (extra: Record<string, string>) => {
    const p = new URLSearchParams({
      ...(query.userId ? { user: query.userId } : { patient: query.patientIds.join(",") }),
      from: query.from,
      to: query.to,
      ...(query.action ? { action: query.action } : {}),
      ...extra,
    });
    return `/loggkontroll?${p}`;
  };
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold">Loggkontroll</h1>
        <p className="text-slate-700">
          Vem har läst eller ändrat vad i {teams.map((t) => t.name).join(", ")}. Varje sökning loggas.
        </p>
      </div>
      <LogNav current="/loggkontroll" />

      <div className="grid gap-4 lg:grid-cols-2">
        <section
          aria-labelledby="by-patient"
          className="space-y-2 rounded-lg border border-slate-200 bg-white p-4"
        >
          <h2 id="by-patient" className="font-semibold">
            Sök på patient
          </h2>
          <PatientLogForm />
        </section>
        <section
          aria-labelledby="by-user"
          className="space-y-2 rounded-lg border border-slate-200 bg-white p-4"
        >
          <h2 id="by-user" className="font-semibold">
            Sök på användare
          </h2>
          <form
            method="get"
            role="search"
            aria-label="Logg för en användare"
            className="flex flex-wrap items-end gap-3 text-sm"
          >
            <label className="flex flex-col">
              Användare
              <select
                name="user"
                defaultValue={query.userId ?? ""}
                className="mt-1 rounded border border-slate-400 bg-white px-2 py-1.5"
              >
                {staff.map((u) => (
                  <option key={u.id} value={u.id}>
                    {u.displayName} ({ROLE_LABEL[u.role]})
                  </option>
                ))}
              </select>
            </label>
            <input type="hidden" name="from" value={query.from} />
            <input type="hidden" name="to" value={query.to} />
            <button
              type="submit"
              className="rounded bg-brand-700 px-3 py-1.5 font-medium text-white hover:bg-brand-800"
            >
              Visa användarens logg
            </button>
          </form>
        </section>
      </div>

      {searching && result && (
        <section aria-labelledby="result" className="space-y-3">
          <h2 id="result" className="text-lg font-semibold">
            {query.userId ? `Vad ${userName ?? "användaren"} har gjort` : "Åtkomster till patienten"}
            {patient && (
              <span className="font-normal">
                {" "}
                – {patient.familyName}, {patient.givenName} {formatPersonnummer(patient.personnummer)}
              </span>
            )}
          </h2>
          <form method="get" className="flex flex-wrap items-end gap-3 text-sm" aria-label="Avgränsa">
            {query.userId ? (
              <input type="hidden" name="user" value={query.userId} />
            ) : (
              <input type="hidden" name="patient" value={query.patientIds.join(",")} />
            )}
            <PeriodInputs
              from={query.typed?.from ?? query.from}
              to={query.typed?.to ?? query.to}
              errorId={query.error ? "log-error" : undefined}
            />
            <label className="flex flex-col">
              Händelse
              <select
                name="action"
                defaultValue={query.action ?? ""}
                className="mt-1 rounded border border-slate-400 bg-white px-2 py-1.5"
              >
                <option value="">Alla</option>
                {FILTER_ACTIONS.map((a) => (
                  <option key={a} value={a}>
                    {ACTION_LABEL[a]}
                  </option>
                ))}
              </select>
            </label>
            <button
              type="submit"
              className="rounded border border-slate-400 bg-white px-3 py-1.5 font-medium hover:bg-slate-50"
            >
              Avgränsa
            </button>
          </form>
          {query.error && (
            <p id="log-error" className="text-sm text-red-800">
              {query.error}
            </p>
          )}
          {result.rows.length === 0 ? (
            <p className="text-slate-700">Inga händelser i perioden.</p>
          ) : (
            <div className="relative overflow-x-auto rounded-lg border border-slate-200 bg-white">
              <table className="w-full text-sm" data-testid="access-log">
                <caption className="sr-only">Loggposter, nyaste först</caption>
                <thead className="bg-slate-100 text-left text-slate-700">
                  <tr>
                    <Th>Tid</Th>
                    <Th>Användare</Th>
                    <Th>Roll</Th>
                    <Th>Enhet</Th>
                    <Th>Händelse</Th>
                    <Th>Vad</Th>
                    {query.userId && <Th>Patient</Th>}
                    <Th>Via</Th>
                  </tr>
                </thead>
                <tbody>
                  {result.rows.map((r) => (
                    <tr key={r.id} className="border-t border-slate-100">
                      <Td>
                        <span className="whitespace-nowrap tabular-nums">{formatDateTime(r.at)}</span>
                      </Td>
                      <Td>{r.user}</Td>
                      <Td>{r.role ? ROLE_LABEL[r.role] : ""}</Td>
                      <Td>{r.unit}</Td>
                      <Td>
                        {ACTION_LABEL[r.action] ?? r.action}
                        {r.refusal && (
                          <span className="ml-1 inline-block rounded border border-amber-700 bg-amber-50 px-1.5 text-xs text-amber-950">
                            {REFUSAL_LABEL[r.refusal]}
                          </span>
                        )}
                      </Td>
                      <Td>{r.what}</Td>
                      {query.userId && (
                        <Td>
                          {r.patient
                            ? `${r.patient.familyName}, ${r.patient.givenName} ${formatPersonnummer(r.patient.personnummer)}`
                            : ""}
                        </Td>
                      )}
                      <Td>{r.via ?? ""}</Td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          {result.next && (
            <p>
              <Link href={params({ before: result.next })} className="font-medium text-blue-800 underline">
                Äldre händelser
              </Link>
            </p>
          )}
        </section>
      )}
    </div>
  );
}
