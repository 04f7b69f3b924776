// The header's pages per role, in domain.md's navigation words: each role sees
// only its own pages. Which pages a role may open is still the permission
// table's decision (a clinical reader may open the Konsultlista by its address).
import type { Role } from "@/generated/prisma/enums";
import type { Permission } from "@/modules/auth/rules/permissions";

/** A page of the header, with the permission its page asks for. */
export type NavItem = { href: string; label: string; permission: Permission };

export const NAVIGATION: Record<Role, readonly NavItem[]> = {
  VARDSAMORDNARE: [
    { href: "/patienter", label: "Mina patienter", permission: "clinical:read" },
    { href: "/patienter/ny", label: "Skriv in patient", permission: "clinical:write" },
    { href: "/flaggor", label: "Flaggade patienter", permission: "clinical:read" },
  ],
  ALLMANLAKARE: [
    { href: "/flaggor", label: "Flaggade patienter", permission: "clinical:read" },
    { href: "/patienter", label: "Mina patienter", permission: "clinical:read" },
    { href: "/patienter/ny", label: "Skriv in patient", permission: "clinical:write" },
  ],
  PSYKIATER: [
    { href: "/konsultlista", label: "Konsultlista", permission: "clinical:read" },
    { href: "/konsultbesok", label: "Konsultbesök", permission: "clinical:read" },
    { href: "/flaggor", label: "Flaggade patienter", permission: "clinical:read" },
  ],
  VERKSAMHETSCHEF: [
    { href: "/uppfoljning", label: "Uppföljning", permission: "unit:administer" },
    { href: "/loggkontroll", label: "Loggkontroll", permission: "unit:administer" },
    { href: "/installningar", label: "Inställningar", permission: "unit:administer" },
  ],
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
