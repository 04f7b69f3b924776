"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { currentItem, type NavItem } from "../navigation";

/** The role's pages; the one shown now is marked for assistive technology and by an underline. */
export function NavLinks({ items }: { items: readonly NavItem[] }) {
  const current = currentItem(items, usePathname());
  return (
    <ul className="flex flex-wrap items-center gap-x-5 gap-y-1">
      {items.map((item) => (
        <li key={item.href}>
          <Link
            href={item.href}
            aria-current={item === current ? "page" : undefined}
            className="text-sm font-medium text-blue-800 underline-offset-4 hover:underline aria-[current=page]:text-slate-900 aria-[current=page]:underline aria-[current=page]:decoration-2"
          >
            {item.label}
          </Link>
        </li>
      ))}
    </ul>
  );
}
