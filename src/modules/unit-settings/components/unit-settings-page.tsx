import Link from "next/link";
import { Td, Th } from "@/components/table";
import { formatDateTime } from "@/lib/format";
import type { Actor } from "@/modules/auth/actor";
import { getUnitSettingsPage } from "../lib/unit-settings";
import { SETTING_GROUPS } from "../rules/setting-help";
import { flatSettings } from "../rules/settings-change";
import { SettingsForm } from "./settings-form";
import { UnitDetailsForm } from "./unit-details-form";
import { UnitChooser } from "@/components/unit-chooser";

const LABEL = new Map(SETTING_GROUPS.flatMap((g) => g.fields.map((f) => [f.name, f.label] as const)));

const STATE = { current: "Gäller nu", planned: "Planerad", past: "Tidigare" } as const;

/** "Inställningar": the unit's details, its rules (a new version from a date, with a preview) and their history. */
export async function UnitSettingsPage({ actor, unitId }: { actor: Actor; unitId: string }) {
  const page = await getUnitSettingsPage({ actor, unitId });
  const flat = flatSettings;
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-2xl font-semibold">Inställningar</h1>
          <p className="text-slate-700">{page.unit.name}</p>
        </div>
        <nav aria-label="Inställningar" className="flex gap-3 text-sm">
          <span aria-current="page" className="font-medium">
            Enhet och regler
          </span>
          <Link href={`/installningar/anvandare?unitId=${unitId}`} className="text-blue-800 underline">
            Användare
          </Link>
        </nav>
      </div>
      <UnitChooser units={actor.units} unitId={unitId} path="/installningar" />

      <section
        aria-labelledby="details"
        className="space-y-3 rounded-lg border border-slate-200 bg-white p-4"
      >
        <h2 id="details" className="text-lg font-semibold">
          Enhetens uppgifter
        </h2>
        <UnitDetailsForm unit={page.unit} />
      </section>

      <section aria-labelledby="rules" className="space-y-3 rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="rules" className="text-lg font-semibold">
          Regler för mål och flaggor
        </h2>
        <p className="max-w-3xl text-sm text-slate-700">
          Värdena nedan gäller i dag ({page.today}). En ändring sparas som en ny version från ett datum:
          flaggor, rapporter och förberedda konsultbesök för tidigare dagar räknas med de regler som gällde
          då. Säkerhetsflaggorna kan inte stängas av; gränserna håller dem möjliga. Förhandsgranska visar hur
          många av dagens pågående insatser som skulle få andra flaggor.
        </p>
        <SettingsForm unitId={unitId} today={page.today} current={flat(page.current)} />
      </section>

      <section aria-labelledby="history" className="space-y-2">
        <h2 id="history" className="text-lg font-semibold">
          Historik
        </h2>
        {page.history.length === 0 ? (
          <p className="text-slate-600">
            Enheten har standardvärdena från Samvårds specifikation; ingen ändring är gjord.
          </p>
        ) : (
          <div className="relative overflow-x-auto">
            <table className="w-full rounded-lg border border-slate-200 bg-white text-sm">
              <thead>
                <tr className="text-left text-slate-600">
                  <Th>Gäller från</Th>
                  <Th>Status</Th>
                  <Th>Ändrat av</Th>
                  <Th>Ändrad</Th>
                  <Th>Vad ändrades</Th>
                </tr>
              </thead>
              <tbody>
                {page.history.map((v) => {
                  const values = flat(v.values);
                  return (
                    <tr key={v.id} className="border-t border-slate-100 align-top">
                      <td className="px-3 py-1.5 tabular-nums">{v.validFrom}</td>
                      <Td>{STATE[v.state]}</Td>
                      <Td>{v.createdBy ?? "Vid installationen"}</Td>
                      <td className="px-3 py-1.5 tabular-nums">{formatDateTime(v.createdAt)}</td>
                      <Td>
                        {v.changed.length === 0
                          ? "Standardvärden"
                          : v.changed.map((name) => `${LABEL.get(name)}: ${values[name]}`).join(" · ")}
                      </Td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </div>
  );
}
