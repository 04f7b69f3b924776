import { todayInStockholm } from "@/lib/dates";
import type { Actor } from "@/modules/auth/actor";
import type { ActionState } from "@/modules/forms/action-state";
import { getUnitChoices } from "@/modules/home/lib/unit-choices";
import { enrollmentMatchOf, type EnrollmentMatch } from "../lib/lookup-for-enrollment";
import { EnrollFlow } from "./enroll-flow";

/**
 * "Skriv in patient": search by identity number first. A patient already
 * registered at the unit gets a new episode (or a clear message when one is
 * open); an unknown one is registered in the same step. A patient's page may
 * send its patient here by id (never by identity number in the address).
 */
export async function EnrollPage({ actor, patientId }: { actor: Actor; patientId?: string }) {
  const initial: ActionState<EnrollmentMatch> = patientId
    ? { status: "ok", data: await enrollmentMatchOf({ actor, patientId }) }
    : { status: "idle" };
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold">Skriv in patient</h1>
      <EnrollFlow
        initial={initial}
        units={await getUnitChoices(actor)}
        today={todayInStockholm()}
        me={actor.userId}
      />
    </div>
  );
}
