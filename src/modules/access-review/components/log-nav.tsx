import Link from "next/link";

const PAGES = [
  { href: "/loggkontroll", label: "Sök i loggen" },
  { href: "/loggkontroll/granskning", label: "Granskning" },
  { href: "/loggkontroll/granskningar", label: "Genomförda granskningar" },
  { href: "/loggkontroll/logglista", label: "Logglista till patient" },
] as const;

export type LogPage = (typeof PAGES)[number]["href"];

/** Loggkontroll's pages: the search, the month's review, the reviews done, the patient's extract. */
export function LogNav({ current, unitId }: { current: LogPage; unitId?: string }) {
  return (
    <nav aria-label="Loggkontroll" className="border-b border-slate-200">
      <ul className="flex flex-wrap gap-x-5 text-sm">
        {PAGES.map((p) => (
          <li key={p.href}>
            <Link
              href={unitId && p.href !== "/loggkontroll" ? `${p.href}?unitId=${unitId}` : p.href}
              aria-current={p.href === current ? "page" : undefined}
              className="-mb-px inline-block border-b-2 border-transparent px-0.5 py-2 text-blue-800 hover:border-slate-300 aria-[current=page]:border-slate-900 aria-[current=page]:font-medium aria-[current=page]:text-slate-900"
            >
              {p.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
