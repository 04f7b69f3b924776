import Link from "next/link";
import { UnitChooser } from "@/components/unit-chooser";
import { Th } from "@/components/table";
import { formatDateTime } from "@/lib/format";
import type { Actor } from "@/modules/auth/actor";
import { ROLE_LABEL } from "@/modules/auth/roles";
import { listUnitUsers, type UnitUser } from "../lib/unit-users";
import { NewUserForm } from "./new-user-form";
import { UserAccessForm, UserStateButtons } from "./user-controls";

const status = (u: UnitUser) =>
  !u.active
    ? "Inaktiverad"
    : u.locked
      ? "Låst efter misslyckade inloggningar"
      : u.passwordChangeRequired
        ? "Har engångslösenord"
        : "Aktiv";

/** "Inställningar – Användare": the unit's users, a new user, and each user's role, units and state. */
export async function UsersPage({ actor, unitId }: { actor: Actor; unitId: string }) {
  const users = await listUnitUsers({ actor, unitId });
  const unitName = actor.units.find((u) => u.id === unitId)?.name ?? "";
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-2xl font-semibold">Användare</h1>
          <p className="text-slate-700">{unitName}</p>
        </div>
        <nav aria-label="Inställningar" className="flex gap-3 text-sm">
          <Link href={`/installningar?unitId=${unitId}`} className="text-blue-800 underline">
            Enhet och regler
          </Link>
          <span aria-current="page" className="font-medium">
            Användare
          </span>
        </nav>
      </div>
      <UnitChooser units={actor.units} unitId={unitId} path="/installningar/anvandare" />

      <section aria-labelledby="users" className="space-y-2">
        <h2 id="users" className="text-lg font-semibold">
          Enhetens användare ({users.length})
        </h2>
        <div className="relative overflow-x-auto">
          <table className="w-full rounded-lg border border-slate-200 bg-white text-sm">
            <thead>
              <tr className="text-left text-slate-600">
                <Th>Namn</Th>
                <Th>Användarnamn</Th>
                <Th>Roll</Th>
                <Th>Enheter</Th>
                <Th>Status</Th>
                <Th>Senaste inloggning</Th>
                <Th>
                  <span className="sr-only">Åtgärder</span>
                </Th>
              </tr>
            </thead>
            <tbody>
              {users.map((u) => (
                <tr key={u.id} className="border-t border-slate-100 align-top" data-username={u.username}>
                  <td className="px-3 py-1.5">
                    <div className="font-medium">{u.displayName}</div>
                    {u.hsaId && <div className="text-slate-600">{u.hsaId}</div>}
                    <UserAccessForm unitId={unitId} user={u} units={actor.units} />
                  </td>
                  <td className="px-3 py-1.5">{u.username}</td>
                  <td className="px-3 py-1.5">{ROLE_LABEL[u.role]}</td>
                  <td className="px-3 py-1.5">{u.units.map((x) => x.name).join(", ")}</td>
                  <td className="px-3 py-1.5">{status(u)}</td>
                  <td className="px-3 py-1.5 tabular-nums">{formatDateTime(u.lastLogin)}</td>
                  <td className="px-3 py-1.5">
                    <UserStateButtons unitId={unitId} user={u} self={u.id === actor.userId} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      <section
        aria-labelledby="new-user"
        className="space-y-3 rounded-lg border border-slate-200 bg-white p-4"
      >
        <h2 id="new-user" className="text-lg font-semibold">
          Ny användare
        </h2>
        <NewUserForm unitId={unitId} units={actor.units} />
      </section>
    </div>
  );
}
