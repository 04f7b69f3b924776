import { formatDateTime } from "@/lib/format";
import { STATUS_LABEL, type EpisodeStatus } from "@/lib/vocabulary";
import { StatusForm } from "./status-form";

type Change = {
  id: string;
  status: EpisodeStatus;
  date: string;
  reason: string | null;
  plan: string | null;
  by: string;
  recordedAt: Date;
};

/** The episode's status changes, and the form for the next one. */
export function StatusSection({
  episodeId,
  version,
  currentStatus,
  changes,
  today,
  canChange,
}: {
  episodeId: string;
  version: number;
  currentStatus: EpisodeStatus;
  changes: readonly Change[];
  today: string;
  canChange: boolean;
}) {
  return (
    <section aria-labelledby="status">
      <h2 id="status" className="mb-2 text-lg font-semibold">
        Status
      </h2>
      <p className="text-sm">
        Nu: <strong>{STATUS_LABEL[currentStatus]}</strong>
      </p>
      {changes.length > 0 && (
        <ul className="mt-1 space-y-1 text-sm">
          {changes.map((c) => (
            <li key={c.id}>
              {STATUS_LABEL[c.status]} från {c.date}, satt av {c.by} {formatDateTime(c.recordedAt)}
              {c.reason && <> – orsak: {c.reason}</>}
              {c.plan && <> – plan: {c.plan}</>}
            </li>
          ))}
        </ul>
      )}
      {canChange && (
        <StatusForm episodeId={episodeId} version={version} currentStatus={currentStatus} today={today} />
      )}
    </section>
  );
}
