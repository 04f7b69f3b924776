import Link from "next/link";

/**
 * "Mina patienter" or "Hela enheten": two links, the current one marked for
 * assistive technology too. Not prefetched: the same page with another query
 * is rendered anew anyway, and a prefetch costs a server request.
 */
export function ScopeSwitch({
  mine,
  mineHref,
  unitHref,
}: {
  mine: boolean;
  mineHref: string;
  unitHref: string;
}) {
  const item = "px-3 py-1.5 aria-[current=page]:bg-brand-700 aria-[current=page]:text-white";
  return (
    <nav aria-label="Urval" className="inline-flex rounded border border-slate-300 bg-white text-sm">
      <Link href={mineHref} prefetch={false} aria-current={mine ? "page" : undefined} className={item}>
        Mina patienter
      </Link>
      <Link
        href={unitHref}
        prefetch={false}
        aria-current={mine ? undefined : "page"}
        className={`border-l border-slate-300 ${item}`}
      >
        Hela enheten
      </Link>
    </nav>
  );
}
