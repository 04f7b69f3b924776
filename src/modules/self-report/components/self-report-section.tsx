import { formatDateTime } from "@/lib/format";
import type { LinkState } from "../rules/link-state";
import { RevokeLinkButton } from "./revoke-link-button";
import { SelfReportLinkForm, type LetterUnit } from "./self-report-link-form";

export type LinkSummary = {
  id: string;
  createdAt: Date;
  expiresAt: Date;
  usedAt: Date | null;
  state: LinkState;
  by: string;
};

const STATE_TEXT: Record<Exclude<LinkState, "open">, string> = {
  used: "Patienten har svarat via den senaste länken",
  revoked: "Den senaste länken är återkallad",
  expired: "Den senaste länken gick ut utan svar",
  closed: "Den senaste länken gäller inte längre",
};

/**
 * "Självskattning via länk" on the patient page, for the care manager and GP
 * of an open episode: where the latest link stands, and a new one.
 */
export function SelfReportSection({
  episodeId,
  link,
  unit,
}: {
  episodeId: string;
  link: LinkSummary | null;
  unit: LetterUnit;
}) {
  const open = link?.state === "open";
  return (
    <section
      aria-labelledby="self-report"
      className="space-y-3 rounded-lg border border-slate-200 bg-white p-4"
    >
      <h2 id="self-report" className="text-lg font-semibold">
        Självskattning via länk
      </h2>
      <p className="max-w-prose text-sm text-slate-700">
        Patienten kan svara på MADRS-S i mobilen före samtalet. Svaret sparas som en självskattning
        (patientrapporterad, ej verifierad) och räknas för skattningar och flaggor, men inte som en kontakt.
        Samvård skickar inget själv.
      </p>
      {link && (
        <p className="text-sm">
          {open ? (
            <>
              <strong>Öppen länk</strong> skapad {formatDateTime(link.createdAt)} av {link.by}, gäller till{" "}
              {formatDateTime(link.expiresAt)}.
            </>
          ) : (
            <>
              {STATE_TEXT[link.state as Exclude<LinkState, "open">]}
              {link.state === "used" && ` (${formatDateTime(link.usedAt)})`}.
            </>
          )}
        </p>
      )}
      <div className="flex flex-wrap items-start gap-3">
        <SelfReportLinkForm episodeId={episodeId} replaces={open} unit={unit} />
        {open && <RevokeLinkButton episodeId={episodeId} linkId={link.id} />}
      </div>
    </section>
  );
}
