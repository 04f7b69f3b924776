// The header's pages per role, in domain.md's navigation words: each role sees
// only its own pages. Which pages a role may open is still the permission
// table's decision (a clinical reader may open the Konsultlista by its address).
import type { Role } from "@/generated/prisma/enums";

export type NavItem = { href: string; label: string };

export const NAVIGATION: Record<Role, readonly NavItem[]> = {
  VARDSAMORDNARE: [
    { href: "/patienter", label: "Mina patienter" },
    { href: "/patienter/ny", label: "Skriv in patient" },
    { href: "/flaggor", label: "Flaggade patienter" },
  ],
  ALLMANLAKARE: [
    { href: "/flaggor", label: "Flaggade patienter" },
    { href: "/patienter", label: "Mina patienter" },
    { href: "/patienter/ny", label: "Skriv in patient" },
  ],
  PSYKIATER: [
    { href: "/konsultlista", label: "Konsultlista" },
    { href: "/konsultbesok", label: "Konsultbesök" },
    { href: "/flaggor", label: "Flaggade patienter" },
  ],
  VERKSAMHETSCHEF: [],
};

/** The start page each role lands on: the care manager's and the GP's are the day's work. */
export const START_PAGE: Record<Role, "today" | "gp" | "home"> = {
  VARDSAMORDNARE: "today",
  ALLMANLAKARE: "gp",
  PSYKIATER: "home",
  VERKSAMHETSCHEF: "home",
};

/** The item of the page at `pathname` (the longest matching href), for aria-current. */
export const currentItem = (items: readonly NavItem[], pathname: string): NavItem | undefined =>
  items
    .filter((i) => pathname === i.href || pathname.startsWith(`${i.href}/`))
    .sort((a, b) => b.href.length - a.href.length)[0];
