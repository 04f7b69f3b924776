import type { Role } from "@/generated/prisma/enums";

export const ROLES = [
  "VARDSAMORDNARE",
  "ALLMANLAKARE",
  "PSYKIATER",
  "VERKSAMHETSCHEF",
] as const satisfies readonly Role[];

export const ROLE_LABEL: Record<Role, string> = {
  VARDSAMORDNARE: "Vårdsamordnare",
  ALLMANLAKARE: "Allmänläkare",
  PSYKIATER: "Psykiater",
  VERKSAMHETSCHEF: "Verksamhetschef",
};

export const isRole = (value: unknown): value is Role =>
  typeof value === "string" && (ROLES as readonly string[]).includes(value);
