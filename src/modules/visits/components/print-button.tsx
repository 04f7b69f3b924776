"use client";

/** Opens the browser's print dialog (A4); not printed itself. */
export function PrintButton() {
  return (
    <button
      type="button"
      onClick={() => window.print()}
      className="rounded bg-brand-700 px-3 py-2 text-sm font-medium text-white print:hidden"
    >
      Skriv ut
    </button>
  );
}
