"use client";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { useEffect, useState } from "react";
import type { AttentionItem } from "../lib/attention";

/**
 * What waits for the user, in the header: a count and a word each, linking to
 * the page that lists them (amber: needs action; the words carry the meaning).
 * Nothing waiting shows nothing.
 *
 * The counts are fetched from /api/attention, never computed while the page
 * renders (a psychiatrist's Konsultlista over 40 units takes a second): after
 * every navigation (the shared layout is not rendered again when a link is
 * followed), when the layout is rendered again (`renderId`: after a form's
 * action revalidated the page), and when the tab comes back into view.
 */
export function AttentionLinks({ renderId }: { renderId: string }) {
  const pathname = usePathname();
  const [items, setItems] = useState<readonly AttentionItem[]>([]);
  const [visible, setVisible] = useState(0);

  useEffect(() => {
    const onVisible = () => {
      if (document.visibilityState === "visible") setVisible((n) => n + 1);
    };
    document.addEventListener("visibilitychange", onVisible);
    return () => document.removeEventListener("visibilitychange", onVisible);
  }, []);

  useEffect(() => {
    const controller = new AbortController();
    fetch("/api/attention", { signal: controller.signal, cache: "no-store" })
      .then((res) => (res.ok ? (res.json() as Promise<AttentionItem[]>) : null))
      .then((next) => {
        if (next) setItems(next);
      })
      // A failed or aborted refresh keeps the counts shown: they are a pointer, not the record.
      .catch(() => undefined);
    return () => controller.abort();
  }, [pathname, renderId, visible]);

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
