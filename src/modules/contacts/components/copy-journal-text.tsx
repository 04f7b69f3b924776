"use client";
// "Kopiera journaltext": the contact as plain text for the journal system, to
// the user's clipboard and nowhere else. Where the browser offers no clipboard
// (an insecure origin), the text is shown selected for Ctrl+C instead.
import { useRef, useState } from "react";

export function CopyJournalText({ text }: { text: string }) {
  const [status, setStatus] = useState<"idle" | "copied" | "manual">("idle");
  const area = useRef<HTMLTextAreaElement>(null);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      setStatus("copied");
    } catch {
      setStatus("manual");
      requestAnimationFrame(() => area.current?.select());
    }
  };
  return (
    <div className="flex flex-col items-end gap-1">
      <button
        type="button"
        onClick={() => void copy()}
        className="rounded border border-slate-400 bg-white px-2 py-1 text-xs font-medium hover:bg-slate-50"
      >
        Kopiera journaltext
      </button>
      <span aria-live="polite" className="text-xs text-slate-700">
        {status === "copied" && "Kopierad – klistra in i journalen."}
      </span>
      {status === "manual" && (
        <label className="block w-full text-xs">
          Kopiera med Ctrl+C:
          <textarea
            ref={area}
            readOnly
            value={text}
            rows={6}
            className="mt-1 block w-80 max-w-full rounded border border-slate-400 p-1 font-mono text-xs"
          />
        </label>
      )}
    </div>
  );
}
