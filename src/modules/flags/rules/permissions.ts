import type { Role } from "@/generated/prisma/enums";
import { FLAG_RECIPIENTS, type FlagCode, type Recipient } from "@/modules/clinical/rules/flags";

const ROLE_RECIPIENT: Partial<Record<Role, Recipient>> = {
  VARDSAMORDNARE: "CARE_MANAGER",
  ALLMANLAKARE: "GP",
  PSYKIATER: "PSYCHIATRIST",
};

/** Any role in the flag's "goes to" column may handle it (domain.md). */
export function mayHandle(role: Role, code: FlagCode): boolean {
  const recipient = ROLE_RECIPIENT[role];
  return recipient !== undefined && FLAG_RECIPIENTS[code].includes(recipient);
}
