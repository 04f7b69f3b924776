"use client";

import Link from "next/link";

export default function ErrorPage({
  error,
  reset,
}: {
  error: Error & { digest?: string };
  reset: () => void;
}) {
  return (
    <main className="mx-auto max-w-xl px-4 py-16">
      <h1 className="text-2xl font-semibold">Något gick fel</h1>
      <p className="mt-2 text-slate-700">
        Sidan kunde inte visas. Inga uppgifter har gått förlorade. Försök igen; om felet kvarstår, kontakta
        support och uppge felkoden nedan.
      </p>
      {error.digest && (
        <p className="mt-3 text-sm text-slate-600">
          Felkod: <code>{error.digest}</code>
        </p>
      )}
      <div className="mt-6 flex gap-4">
        <button
          type="button"
          onClick={reset}
          className="rounded bg-brand-700 px-4 py-2 font-medium text-white"
        >
          Försök igen
        </button>
        <Link href="/" className="px-2 py-2 font-medium text-blue-800 underline">
          Till startsidan
        </Link>
      </div>
    </main>
  );
}
