import { daysBetween, type LocalDate } from "@/lib/local-date";
import type { Actor } from "@/modules/auth/actor";
import { ROLE_RECIPIENT, may, mayHandle } from "@/modules/auth/rules/permissions";
import {
  FLAG_LABEL,
  FLAG_RULES,
  isPsychiatristFlag,
  type FlagCode,
  type Recipient,
} from "@/modules/clinical/rules/flags";
import { FlagBadge } from "@/modules/flags/components/flag-badge";
import { HandleFlagForm } from "@/modules/flags/components/handle-flag-form";

const TO: Record<Recipient, string> = {
  GP: "läkaren (PAL)",
  PSYCHIATRIST: "psykiatern",
  CARE_MANAGER: "vårdsamordnaren",
};

/** The open flags, why each is open and since when; the user's own flags can be handled here. */
export function FlagsSection({
  actor,
  episodeId,
  flags,
  canHandle,
  today,
}: {
  actor: Actor;
  today: LocalDate;
  episodeId: string;
  flags: readonly { code: FlagCode; since: LocalDate; reason: string }[];
  canHandle: boolean;
}) {
  // The psychiatrist handles their flags all at once, with the case review's recommendation.
  const byCaseReview = (code: FlagCode) => may(actor.role, "review:conduct") && isPsychiatristFlag(code);
  return (
    <section aria-labelledby="flags">
      <h2 id="flags" className="mb-2 text-lg font-semibold">
        Öppna flaggor
      </h2>
      {flags.length === 0 ? (
        <p className="text-slate-700">Inga öppna flaggor: patienten följer sina mål.</p>
      ) : (
        <ul className="space-y-2">
          {flags.map((flag) => {
            const mine = mayHandle(actor.role, flag.code);
            return (
              <li key={flag.code} className="rounded border border-slate-200 bg-white p-3">
                <div className="flex flex-wrap items-baseline gap-x-3 gap-y-1">
                  <FlagBadge code={flag.code} />
                  <span className="text-sm">{flag.reason}</span>
                  <span className="text-sm text-slate-600">
                    Öppen sedan {flag.since}
                    {daysBetween(flag.since, today) > 0 && ` (${daysBetween(flag.since, today)} d)`}
                  </span>
                </div>
                {!mine && (
                  <p className="mt-1 text-sm text-slate-600">
                    Går till {FLAG_RULES[flag.code].recipients.map((r) => TO[r]).join(" och ")}.
                  </p>
                )}
                {mine && canHandle && byCaseReview(flag.code) && (
                  <p className="mt-1 text-sm text-slate-600">Hanteras med fallgenomgången nedan.</p>
                )}
                {mine && canHandle && !byCaseReview(flag.code) && (
                  <HandleFlagForm
                    episodeId={episodeId}
                    code={flag.code}
                    label={FLAG_LABEL[flag.code]}
                    decisions={ROLE_RECIPIENT[actor.role] === "GP"}
                  />
                )}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
