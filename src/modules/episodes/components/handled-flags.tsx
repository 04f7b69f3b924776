import { formatDateTime } from "@/lib/format";
import { FLAG_DECISION_LABEL, type FlagDecision } from "@/lib/vocabulary";
import type { FlagCode } from "@/modules/clinical/rules/flags";
import { FlagBadge } from "@/modules/flags/components/flag-badge";

/** The history of handled flags: who handled which, when, and what was decided. */
export function HandledFlags({
  handlings,
}: {
  handlings: readonly {
    id: string;
    code: FlagCode;
    decision: FlagDecision | null;
    note: string;
    handledAt: Date;
    by: string;
  }[];
}) {
  if (handlings.length === 0) return null;
  return (
    <section aria-labelledby="handled">
      <h2 id="handled" className="mb-2 text-lg font-semibold">
        Hanterade flaggor
      </h2>
      <ul className="space-y-1 text-sm">
        {handlings.map((h) => (
          <li key={h.id}>
            <FlagBadge code={h.code} /> {formatDateTime(h.handledAt)}, {h.by}:{" "}
            {h.decision && <strong>{FLAG_DECISION_LABEL[h.decision]}. </strong>}
            {h.note}
          </li>
        ))}
      </ul>
    </section>
  );
}
