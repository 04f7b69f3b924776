"use client";
// Creating a self-report link: the answer carries the link's URL and QR code
// once (only its hash is stored). The care manager copies it into the region's
// SMS or 1177 message service, or prints a letter; Samvård sends nothing.
import { useActionState, useRef, useState } from "react";
import { createPortal } from "react-dom";
import { formatDateTime } from "@/lib/format";
import { IDLE } from "@/modules/forms/action-state";
import { FormMessage, SubmitButton } from "@/modules/forms/components/form-status";
import { createSelfReportLinkAction } from "../actions";

export type LetterUnit = { name: string; phone: string | null; address: string | null };

export function SelfReportLinkForm({
  episodeId,
  replaces,
  unit,
}: {
  episodeId: string;
  /** An open link exists: a new one replaces it. */
  replaces: boolean;
  unit: LetterUnit;
}) {
  const [state, action] = useActionState(createSelfReportLinkAction, IDLE);
  const [copied, setCopied] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const copy = async (url: string) => {
    try {
      await navigator.clipboard.writeText(url);
      setCopied(true);
    } catch {
      // No clipboard on an insecure origin: select the link for Ctrl+C.
      input.current?.select();
    }
  };
  const printLetter = () => {
    document.body.classList.add("printing-letter");
    window.addEventListener("afterprint", () => document.body.classList.remove("printing-letter"), {
      once: true,
    });
    window.print();
  };
  const created = state.status === "ok" ? state.data : null;
  return (
    <div className="space-y-3">
      <form action={action} className="flex flex-wrap items-center gap-3">
        <input type="hidden" name="episodeId" value={episodeId} />
        <SubmitButton pendingText="Skapar…">{replaces ? "Skapa ny länk" : "Skapa länk"}</SubmitButton>
        {replaces && !created && (
          <span className="text-sm text-slate-700">Den öppna länken slutar då att gälla.</span>
        )}
      </form>
      <FormMessage state={state} />
      {created && (
        <div role="status" className="space-y-3 rounded border border-blue-300 bg-blue-50 p-3 text-blue-950">
          <p className="font-medium">
            Länken är skapad och visas bara nu. Den gäller till {formatDateTime(new Date(created.expiresAt))}.
          </p>
          <div className="flex flex-wrap items-end gap-2">
            <label className="grow text-sm">
              Länk till patienten
              <input
                ref={input}
                readOnly
                value={created.url}
                data-testid="self-report-url"
                onFocus={(e) => e.currentTarget.select()}
                className="mt-1 block w-full rounded border border-slate-400 bg-white px-2 py-1 font-mono text-sm"
              />
            </label>
            <button
              type="button"
              onClick={() => void copy(created.url)}
              className="rounded border border-slate-400 bg-white px-3 py-1.5 text-sm font-medium hover:bg-slate-50"
            >
              Kopiera länken
            </button>
            <button
              type="button"
              onClick={printLetter}
              className="rounded border border-slate-400 bg-white px-3 py-1.5 text-sm font-medium hover:bg-slate-50"
            >
              Skriv ut brev
            </button>
          </div>
          <p aria-live="polite" className="text-sm">
            {copied && "Kopierad – klistra in i meddelandet till patienten."}
          </p>
          <div className="flex flex-wrap items-start gap-4">
            <div
              className="w-36 rounded bg-white"
              role="img"
              aria-label="QR-kod med länken"
              dangerouslySetInnerHTML={{ __html: created.qrSvg }}
            />
            <p className="max-w-prose text-sm">
              Skicka länken via regionens SMS- eller 1177-tjänst, eller låt patienten skanna QR-koden. Länken
              visar bara enhetens namn, inget om patienten, och kan användas en gång.
            </p>
          </div>
          {/* Directly under <body>, so that printing can leave out everything else. */}
          {typeof document !== "undefined" &&
            createPortal(
              <Letter unit={unit} url={created.url} expiresAt={created.expiresAt} qrSvg={created.qrSvg} />,
              document.body,
            )}
        </div>
      )}
    </div>
  );
}

/** The printable letter: shown only when printing it (globals.css, body.printing-letter). */
function Letter({
  unit,
  url,
  expiresAt,
  qrSvg,
}: {
  unit: LetterUnit;
  url: string;
  expiresAt: string;
  qrSvg: string;
}) {
  return (
    <div className="self-report-letter hidden" aria-hidden="true">
      <p className="font-semibold">{unit.name}</p>
      {unit.address?.split("\n").map((line) => (
        <p key={line}>{line}</p>
      ))}
      {unit.phone && <p>Tel. {unit.phone}</p>}
      <h2 className="mt-8 text-xl font-semibold">Frågor om ditt mående före nästa samtal</h2>
      <p className="mt-4">
        Inför ditt nästa samtal med oss ber vi dig svara på nio korta frågor om hur du har mått de senaste tre
        dagarna (MADRS-S). Det tar ett par minuter, och samtalet kan sedan handla om dig i stället för om
        frågorna.
      </p>
      <p className="mt-4">Skanna QR-koden med mobilens kamera, eller skriv in adressen i webbläsaren:</p>
      <div className="mt-2 w-48" dangerouslySetInnerHTML={{ __html: qrSvg }} />
      <p className="mt-2 font-mono break-all">{url}</p>
      <p className="mt-4">
        Länken gäller till {formatDateTime(new Date(expiresAt))} och kan användas en gång. Dela den inte med
        någon annan.
      </p>
      <p className="mt-4">
        Svaren läses inte direkt när du skickar dem. Behöver du hjälp innan dess: ring 112 vid akut fara, 1177
        för sjukvårdsrådgivning dygnet runt{unit.phone ? `, eller oss på ${unit.phone}` : ""}.
      </p>
    </div>
  );
}
