import { AppError } from "@/lib/errors";
import type { Role } from "@/generated/prisma/enums";
import { isRole } from "../roles";
import { may, type Permission } from "./permissions";

/** The parts of a signed-in actor that authorization looks at. */
export type AuthzSubject = { role: Role; unitIds: string[] };

/**
 * The authorization check: the role must be a known one with the permission,
 * and a given unit must be one of the actor's. Another unit's data is "not
 * found", never "forbidden", and that check comes first (api.md: 404 before 403).
 */
export function authorize<T extends AuthzSubject>(
  actor: T | null,
  {
    permission,
    unitId,
    forbidden,
  }: {
    /** A row of the permission table, or a rule of its own (who may handle a flag). */
    permission?: Permission | ((role: Role) => boolean);
    unitId?: string;
    /** The 403's Swedish message. */
    forbidden?: string;
  } = {},
): T {
  if (!actor) throw new AppError("UNAUTHENTICATED");
  if (!isRole(actor.role)) throw new AppError("FORBIDDEN", { message: `unknown role ${String(actor.role)}` });
  if (unitId !== undefined && !actor.unitIds.includes(unitId)) throw new AppError("NOT_FOUND");
  const allowed =
    typeof permission === "function" ? permission : (role: Role) => !permission || may(role, permission);
  if (!allowed(actor.role)) throw new AppError("FORBIDDEN", forbidden ? { userMessage: forbidden } : {});
  return actor;
}
