import type { Actor } from "@/modules/auth/actor";
import { formatDateTime } from "@/lib/format";
import { Td, Th } from "@/components/table";
import type { Role } from "@/generated/prisma/enums";
import { ROLE_LABEL } from "@/modules/auth/roles";
import { may } from "@/modules/auth/rules/permissions";
import { getRecentSignIns, getUnitTeams } from "../lib/get-home-data";

const ROLE_INTRO: Record<Role, string> = {
  VARDSAMORDNARE:
    "Du skriver in patienter i tolv veckors samarbetsvård och registrerar varje kontakt med MADRS-S.",
  ALLMANLAKARE: "Du ser dina patienter som inte når sina mål och dokumenterar dina beslut.",
  PSYKIATER: "Du går igenom konsultlistan för enheterna du stöder och förbereder konsultbesöken.",
  VERKSAMHETSCHEF: "Du administrerar enheten: användare, inställningar, uppföljning och loggkontroll.",
};

const ACTION_LABEL: Record<string, string> = {
  LOGIN: "Inloggning",
  LOGIN_FAILED: "Misslyckad inloggning",
  LOGOUT: "Utloggning",
};

export async function HomePage({ actor }: { actor: Actor }) {
  const [teams, signIns] = await Promise.all([getUnitTeams(actor), getRecentSignIns(actor)]);
  return (
    <div className="space-y-8">
      <section aria-labelledby="welcome">
        <h1 id="welcome" className="text-2xl font-semibold">
          Välkommen, {actor.displayName}
        </h1>
        <p className="mt-1 text-slate-700">
          Du är inloggad som <strong>{ROLE_LABEL[actor.role]}</strong>. {ROLE_INTRO[actor.role]}
        </p>
      </section>

      <section aria-labelledby="units">
        <h2 id="units" className="mb-3 text-lg font-semibold">
          {teams.length === 1 ? "Din enhet" : "Dina enheter"}
        </h2>
        {teams.length === 0 ? (
          <p className="rounded border border-amber-300 bg-amber-50 p-3 text-amber-950">
            Du är inte kopplad till någon enhet ännu. Be din verksamhetschef lägga till dig.
          </p>
        ) : (
          <div className="grid gap-4 md:grid-cols-2">
            {teams.map((unit) => (
              <article key={unit.id} className="rounded-lg border border-slate-200 bg-white p-4">
                <h3 className="font-medium">{unit.name}</h3>
                <table className="mt-2 w-full text-sm">
                  <caption className="sr-only">Medarbetare på {unit.name}</caption>
                  <thead>
                    <tr className="text-left text-slate-600">
                      <Th>Namn</Th>
                      <Th>Roll</Th>
                    </tr>
                  </thead>
                  <tbody>
                    {unit.memberships.map(({ user }) => (
                      <tr key={user.id} className="border-t border-slate-100">
                        <td className="py-1">{user.displayName}</td>
                        <td className="py-1">{ROLE_LABEL[user.role]}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </article>
            ))}
          </div>
        )}
      </section>

      {may(actor.role, "unit:administer") && (
        <section aria-labelledby="signins">
          <h2 id="signins" className="mb-3 text-lg font-semibold">
            Senaste inloggningar på enheten
          </h2>
          {signIns.length === 0 ? (
            <p className="text-slate-600">Inga inloggningar registrerade ännu.</p>
          ) : (
            <table className="w-full rounded-lg border border-slate-200 bg-white text-sm">
              <thead>
                <tr className="text-left text-slate-600">
                  <Th>Tid</Th>
                  <Th>Användare</Th>
                  <Th>Händelse</Th>
                </tr>
              </thead>
              <tbody>
                {signIns.map((row) => (
                  <tr key={row.id.toString()} className="border-t border-slate-100">
                    <td className="px-3 py-1.5 tabular-nums">{formatDateTime(row.at)}</td>
                    <Td>{row.username}</Td>
                    <Td>{ACTION_LABEL[row.action] ?? row.action}</Td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
      )}
    </div>
  );
}
