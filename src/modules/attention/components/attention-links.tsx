import Link from "next/link";
import type { AttentionItem } from "../lib/attention";

/**
 * What waits for the user, in the header: a count and a word each, linking to
 * the page that lists them (amber: needs action; the words carry the meaning).
 * Nothing waiting shows nothing.
 */
export function AttentionLinks({ items }: { items: readonly AttentionItem[] }) {
  if (items.length === 0) return null;
  return (
    <nav aria-label="Väntar på dig">
      <ul className="flex flex-wrap gap-2 text-sm" data-testid="attention">
        {items.map((i) => (
          <li key={i.key}>
            <Link
              href={i.href}
              className="inline-flex items-center gap-1 rounded-full border border-amber-700 bg-amber-50 px-2.5 py-0.5 text-amber-950 hover:bg-amber-100"
            >
              <span className="font-semibold tabular-nums">{i.count}</span> {i.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
