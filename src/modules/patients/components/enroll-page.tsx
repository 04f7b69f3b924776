import Link from "next/link";
import { todayInStockholm } from "@/lib/dates";
import type { Actor } from "@/modules/auth/actor";
import { formatPersonnummer } from "@/modules/clinical/rules/format";
import type { ActionState } from "@/modules/forms/action-state";
import { Field } from "@/modules/forms/components/field";
import { getUnitTeams } from "@/modules/home/lib/get-home-data";
import { lookupForEnrollment } from "../lib/lookup-for-enrollment";
import { ZPersonnummer } from "../schemas";
import { EnrollForm, type UnitChoice } from "./enroll-form";

/**
 * "Skriv in patient": search by identity number first. A patient already
 * registered at the unit gets a new episode (or a clear message when one is
 * open); an unknown one is registered in the same step.
 */
export async function EnrollPage({ actor, search }: { actor: Actor; search: string | undefined }) {
  const parsed = search === undefined ? null : ZPersonnummer.safeParse(search);
  const searchState: ActionState<unknown> =
    parsed && !parsed.success
      ? {
          status: "error",
          message: "",
          fieldErrors: { personnummer: [parsed.error.issues[0]?.message ?? "Ogiltigt personnummer."] },
          values: { personnummer: search ?? "" },
        }
      : { status: "error", message: "", fieldErrors: {}, values: { personnummer: search ?? "" } };

  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold">Skriv in patient</h1>
      <form
        action="/patienter/ny"
        role="search"
        className="flex max-w-xl flex-wrap items-end gap-3"
        noValidate
      >
        <Field
          name="personnummer"
          label="Personnummer eller samordningsnummer"
          hint="ÅÅÅÅMMDD-NNNN; vi söker först om patienten redan finns på enheten"
          autoComplete="off"
          inputMode="numeric"
          autoFocus={search === undefined}
          state={searchState}
          className="grow"
        />
        <button
          type="submit"
          className="rounded bg-brand-700 px-3 py-1.5 text-sm font-medium text-white hover:bg-brand-800"
        >
          Sök
        </button>
      </form>
      {parsed?.success && <Found actor={actor} personnummer={parsed.data} />}
    </div>
  );
}

async function Found({ actor, personnummer }: { actor: Actor; personnummer: string }) {
  const { found, settings } = await lookupForEnrollment({ actor, personnummer });
  const withOpen = found.find((p) => p.episodes.length > 0);
  if (withOpen) {
    return (
      <p role="status" className="rounded border border-amber-300 bg-amber-50 p-4 text-amber-950">
        {withOpen.givenName} {withOpen.familyName} ({formatPersonnummer(personnummer)}) har redan en pågående
        insats. Avsluta den innan en ny startas.{" "}
        <Link href={`/patienter/${withOpen.id}`} className="font-medium underline">
          Öppna patienten
        </Link>
      </p>
    );
  }
  const patient = found[0];
  const teams = await getUnitTeams(actor);
  const units: UnitChoice[] = teams
    .filter((t) => !patient || t.id === patient.unitId)
    .map((t) => {
      const members = (role: string) =>
        t.memberships
          .filter((m) => m.user.role === role)
          .map((m) => ({ id: m.user.id, name: m.user.displayName }));
      const s = settings.get(t.id)!;
      return {
        id: t.id,
        name: t.name,
        careManagers: members("VARDSAMORDNARE"),
        gps: members("ALLMANLAKARE"),
        safetyRiskItem9: s.safetyRiskItem9,
        safetyCheckItem9: s.safetyCheckItem9,
      };
    });
  return (
    <section aria-labelledby="enroll" className="space-y-3">
      <h2 id="enroll" className="text-lg font-semibold">
        {patient
          ? `Ny insats för ${patient.givenName} ${patient.familyName}, ${formatPersonnummer(personnummer)}`
          : `Ny patient, ${formatPersonnummer(personnummer)}`}
      </h2>
      {patient ? (
        <p className="text-slate-700">Patienten finns på enheten sedan tidigare; en ny insats startas.</p>
      ) : (
        <p className="text-slate-700">
          Personnumret finns inte på {units.length === 1 ? "enheten" : "dina enheter"}.
        </p>
      )}
      <EnrollForm
        personnummer={personnummer}
        patient={
          patient
            ? { id: patient.id, unitId: patient.unitId, name: `${patient.givenName} ${patient.familyName}` }
            : null
        }
        units={units}
        today={todayInStockholm()}
        me={actor.userId}
      />
    </section>
  );
}
