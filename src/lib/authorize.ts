import type { Role } from "@/generated/prisma/enums";
import { AppError } from "@/lib/errors";
import { isRole } from "@/modules/auth/roles";

/** The parts of a signed-in actor that authorization looks at. */
export type AuthzSubject = { role: Role; unitIds: string[] };

/**
 * The one authorization check that every server action and API route makes:
 * the role must be a known one and among `roles`, and a given unit must be one
 * of the actor's. Another unit's data is "not found", never "forbidden", and
 * that check comes first (api.md: 404 before 403).
 */
export function authorize<T extends AuthzSubject>(
  actor: T | null,
  { roles, unitId }: { roles?: readonly Role[]; unitId?: string } = {},
): T {
  if (!actor) throw new AppError("UNAUTHENTICATED");
  if (!isRole(actor.role)) throw new AppError("FORBIDDEN", { message: `unknown role ${String(actor.role)}` });
  if (unitId !== undefined && !actor.unitIds.includes(unitId)) throw new AppError("NOT_FOUND");
  if (roles && !roles.includes(actor.role)) throw new AppError("FORBIDDEN");
  return actor;
}
