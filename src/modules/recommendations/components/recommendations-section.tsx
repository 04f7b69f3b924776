import { formatDateTime } from "@/lib/format";
import type { Role } from "@/generated/prisma/enums";
import type { Actor } from "@/modules/auth/actor";
import { FLAG_LABEL, type FlagCode } from "@/modules/clinical/rules/flags";
import { CaseReviewForm } from "./case-review-form";
import { MarkReadButton } from "./mark-read-button";

type Recommendation = {
  id: string;
  text: string;
  handledCodes: FlagCode[];
  createdAt: Date;
  by: string;
  receipts: { userId: string; name: string; role: Role; readAt: Date | null }[];
};

const ADDRESSEE: Partial<Record<Role, string>> = {
  ALLMANLAKARE: "läkaren",
  VARDSAMORDNARE: "vårdsamordnaren",
};

/**
 * The psychiatrist's recommendations for this episode, each with who has read
 * it; the reader's own unread one has "Tagen del av". The psychiatrist writes
 * a new one here (the case review).
 */
export function RecommendationsSection({
  actor,
  episodeId,
  recommendations,
  review,
}: {
  actor: Actor;
  episodeId: string;
  recommendations: readonly Recommendation[];
  /** The case review form, when the actor may write one: the psychiatrist flags it will handle. */
  review: { handles: FlagCode[] } | null;
}) {
  return (
    <section aria-labelledby="recommendations">
      <h2 id="recommendations" className="mb-2 text-lg font-semibold">
        Rekommendationer från psykiatern
      </h2>
      {recommendations.length === 0 && <p className="text-slate-700">Inga rekommendationer ännu.</p>}
      <ul className="space-y-2 text-sm">
        {recommendations.map((r) => {
          const mine = r.receipts.find((x) => x.userId === actor.userId);
          return (
            <li key={r.id} className="rounded border border-slate-200 bg-white p-3">
              <p className="text-slate-600">
                {formatDateTime(r.createdAt)}, {r.by}
                {r.handledCodes.length > 0 && (
                  <> · hanterade {r.handledCodes.map((c) => FLAG_LABEL[c]).join(", ")}</>
                )}
              </p>
              <p className="mt-1 whitespace-pre-line">{r.text}</p>
              <ul className="mt-2 flex flex-wrap gap-x-4 gap-y-1 text-xs">
                {r.receipts.map((x) => (
                  <li key={x.userId}>
                    {x.readAt ? (
                      <>
                        <span aria-hidden="true">✓ </span>Läst av {x.name} ({ADDRESSEE[x.role]}){" "}
                        {formatDateTime(x.readAt)}
                      </>
                    ) : (
                      <span className="font-medium text-amber-900">
                        <span aria-hidden="true">● </span>Inte läst av {x.name} ({ADDRESSEE[x.role]})
                      </span>
                    )}
                  </li>
                ))}
                {r.receipts.length === 0 && <li>Insatsen har ingen läkare eller vårdsamordnare angiven.</li>}
              </ul>
              {mine && !mine.readAt && (
                <div className="mt-2">
                  <MarkReadButton episodeId={episodeId} recommendationId={r.id} />
                </div>
              )}
            </li>
          );
        })}
      </ul>
      {review && (
        <div className="mt-3">
          <h3 className="mb-1 font-medium">Fallgenomgång</h3>
          <CaseReviewForm episodeId={episodeId} handles={review.handles.map((c) => FLAG_LABEL[c])} />
        </div>
      )}
    </section>
  );
}
