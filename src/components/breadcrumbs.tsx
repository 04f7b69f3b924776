import Link from "next/link";

/** Where a page sits: links back up, the page itself last (not a link). */
export function Breadcrumbs({
  trail,
  current,
}: {
  trail: { href: string; label: string }[];
  current: string;
}) {
  return (
    <nav aria-label="Brödsmulor" className="text-sm text-slate-600">
      {trail.map((t) => (
        <span key={t.href}>
          <Link href={t.href} className="text-blue-800 underline underline-offset-2">
            {t.label}
          </Link>{" "}
          /{" "}
        </span>
      ))}
      <span aria-current="page">{current}</span>
    </nav>
  );
}
