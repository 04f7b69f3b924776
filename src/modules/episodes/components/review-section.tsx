import { formatDateTime } from "@/lib/format";
import { AnswerRequestForm } from "@/modules/flags/components/answer-request-form";
import { RequestReviewForm } from "@/modules/flags/components/request-review-form";

type Request = {
  id: string;
  question: string;
  requestedAt: Date;
  by: string;
  answer: string | null;
  answeredAt: Date | null;
  answeredBy: string | null;
};

/**
 * Questions to the psychiatrist and their answers; "Markera för genomgång"
 * asks a new one, and the psychiatrist answers an open one in writing here
 * (also after the episode closed: the answer belongs to the question).
 */
export function ReviewSection({
  episodeId,
  requests,
  canRequest,
  canAnswer,
}: {
  episodeId: string;
  requests: readonly Request[];
  canRequest: boolean;
  canAnswer: boolean;
}) {
  const pending = requests.some((r) => r.answeredAt === null);
  return (
    <section aria-labelledby="review">
      <h2 id="review" className="mb-2 text-lg font-semibold">
        Frågor till psykiatern
      </h2>
      {requests.length === 0 && <p className="text-slate-700">Inga frågor ställda.</p>}
      <ul className="space-y-2 text-sm">
        {requests.map((r) => (
          <li key={r.id} className="rounded border border-slate-200 bg-white p-3">
            <p>
              <span className="font-medium">{r.by}</span>, {formatDateTime(r.requestedAt)}: {r.question}
            </p>
            <p className="mt-1 text-slate-700">
              {r.answer
                ? `Svar från ${r.answeredBy ?? "psykiatern"} ${r.answeredAt ? formatDateTime(r.answeredAt) : ""}: ${r.answer}`
                : "Väntar på svar."}
            </p>
            {canAnswer && !r.answeredAt && (
              <details className="mt-2">
                <summary className="cursor-pointer font-medium">Svara skriftligt</summary>
                <AnswerRequestForm requestId={r.id} episodeId={episodeId} />
              </details>
            )}
          </li>
        ))}
      </ul>
      {canRequest && !pending && <RequestReviewForm episodeId={episodeId} />}
    </section>
  );
}
