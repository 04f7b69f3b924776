import Link from "next/link";
import { formatDateTime } from "@/lib/format";
import { formatPersonnummer } from "@/modules/clinical/rules/format";
import type { UnreadRecommendation } from "../lib/unread";
import { MarkReadButton } from "./mark-read-button";

/** Recommendations waiting for the reader, each with "Tagen del av" right there. */
export function UnreadRecommendations({ items }: { items: readonly UnreadRecommendation[] }) {
  return (
    <section aria-labelledby="unread">
      <h2 id="unread" className="mb-2 text-lg font-semibold">
        Rekommendationer att läsa ({items.length})
      </h2>
      {items.length === 0 ? (
        <p className="text-slate-700">Inga olästa rekommendationer från psykiatern.</p>
      ) : (
        <ul className="space-y-2 text-sm">
          {items.map((r) => (
            <li key={r.recommendationId} className="rounded border border-blue-200 bg-white p-3">
              <p>
                <Link
                  href={`/insatser/${r.episodeId}#recommendations`}
                  className="font-medium text-blue-800 underline"
                >
                  {r.patient.familyName}, {r.patient.givenName}
                </Link>{" "}
                <span className="text-xs text-slate-600 tabular-nums">
                  {formatPersonnummer(r.patient.personnummer)}
                </span>
              </p>
              <p className="text-xs text-slate-600">
                {r.by}, {formatDateTime(r.createdAt)}
              </p>
              <p className="mt-1 whitespace-pre-line">{r.text}</p>
              <div className="mt-2">
                <MarkReadButton episodeId={r.episodeId} recommendationId={r.recommendationId} />
              </div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
