// domain.md's permission table, in one place: use cases, API routes, pages and
// the navigation all ask `may`, so that no page decides roles on its own.
import type { Role } from "@/generated/prisma/enums";
import { FLAG_RULES, type FlagCode, type Recipient } from "@/modules/clinical/rules/flags";

export const PERMISSIONS = {
  /** Read patients of their units with their episodes, contacts and flags: the clinical record. */
  "clinical:read": ["VARDSAMORDNARE", "ALLMANLAKARE", "PSYKIATER"],
  /** Register patients, open episodes, change status, log contacts. */
  "clinical:write": ["VARDSAMORDNARE", "ALLMANLAKARE"],
  /** Ask the psychiatrist for a review (raises MARKED_FOR_REVIEW). */
  "review:request": ["VARDSAMORDNARE", "ALLMANLAKARE"],
  /** Plan visits, conduct case reviews with recommendations, answer review requests. */
  "review:conduct": ["PSYKIATER"],
  /**
   * Look a patient up by identity number. A verksamhetschef may, to review the
   * patient's access log or produce its extract, and sees only the identity.
   */
  "identity:lookup": ["VARDSAMORDNARE", "ALLMANLAKARE", "PSYKIATER", "VERKSAMHETSCHEF"],
  /** Users, unit settings, reports, access-log review. */
  "unit:administer": ["VERKSAMHETSCHEF"],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

export const may = (role: Role, permission: Permission): boolean =>
  (PERMISSIONS[permission] as readonly Role[]).includes(role);

/** The flag recipient each clinical role is; a verksamhetschef receives no flags. */
export const ROLE_RECIPIENT: Record<Role, Recipient | null> = {
  VARDSAMORDNARE: "CARE_MANAGER",
  ALLMANLAKARE: "GP",
  PSYKIATER: "PSYCHIATRIST",
  VERKSAMHETSCHEF: null,
};

/** Any role in the flag's "goes to" column may handle it (domain.md). */
export function mayHandle(role: Role, code: FlagCode): boolean {
  return (FLAG_RULES[code].recipients as readonly (Recipient | null)[]).includes(ROLE_RECIPIENT[role]);
}
