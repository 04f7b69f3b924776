import Link from "next/link";
import type { LocalDate } from "@/lib/local-date";
import type { Actor } from "@/modules/auth/actor";
import { UnreadRecommendations } from "@/modules/recommendations/components/unread-list";
import { getUnreadRecommendations } from "@/modules/recommendations/lib/unread";
import { getFlaggedPatients } from "../lib/get-flagged";
import { FlagTable } from "./flag-table";

/**
 * The GP's start page: what waits for the GP today among their own patients,
 * short and actionable — the psychiatrist's recommendations not yet read, and
 * the open flags routed to the GP, suicide risk first with how long it has
 * been open. Each flag opens the patient, where it is handled with a decision.
 */
export async function GpTodayPage({ actor, today }: { actor: Actor; today: LocalDate }) {
  const [{ flags }, unread] = await Promise.all([
    getFlaggedPatients({ actor, scope: "mina", asOf: today }),
    getUnreadRecommendations({ actor }),
  ]);
  const risks = flags.filter((f) => f.code === "SAFETY_RISK").length;
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold">I dag, {today}</h1>
        <p className="text-slate-700">
          {actor.displayName} ·{" "}
          <Link href="/patienter" className="text-blue-800 underline">
            Mina patienter
          </Link>{" "}
          ·{" "}
          <Link href="/flaggor?vy=enheten" className="text-blue-800 underline">
            Hela enhetens flaggor
          </Link>
        </p>
      </div>
      {risks > 0 && (
        <p className="rounded border-2 border-red-700 bg-red-50 p-3 font-medium text-red-950">
          ⚠ {risks === 1 ? "En patient" : `${risks} patienter`} med suicidrisk väntar på din bedömning i dag.
        </p>
      )}
      <UnreadRecommendations items={unread} />
      <section aria-labelledby="gpflags">
        <h2 id="gpflags" className="mb-2 text-lg font-semibold">
          Dina flaggor ({flags.length})
        </h2>
        {flags.length === 0 ? (
          <p className="text-slate-700">
            Inga öppna flaggor till dig bland dina patienter. Nya visas här samma dag som de uppstår.
          </p>
        ) : (
          <FlagTable flags={flags} caption="Öppna flaggor till läkaren" />
        )}
      </section>
    </div>
  );
}
