"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { startTransition } from "react";

// A page that could not be shown: a fault, or the database briefly out of
// reach (a restart, a failover). Nothing typed on another page is lost, and
// "Försök igen" asks the server again rather than only re-drawing the page.
export default function ErrorPage({
  error,
  reset,
}: {
  error: Error & { digest?: string };
  reset: () => void;
}) {
  const router = useRouter();
  return (
    <main className="mx-auto max-w-xl px-4 py-16">
      <h1 className="text-2xl font-semibold">Sidan kunde inte visas just nu</h1>
      <p className="mt-2 text-slate-700">
        Inga uppgifter har gått förlorade. Oftast beror det på ett kort avbrott, till exempel när databasen
        startas om, och då fungerar det igen om en stund. Försök igen; om felet kvarstår, kontakta support och
        uppge felkoden nedan.
      </p>
      {error.digest && (
        <p className="mt-3 text-sm text-slate-600">
          Felkod: <code>{error.digest}</code>
        </p>
      )}
      <div className="mt-6 flex gap-4">
        <button
          type="button"
          onClick={() =>
            startTransition(() => {
              router.refresh();
              reset();
            })
          }
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
