// Per-test data with unique values: no shared fixtures between tests.
import { randomUUID } from "node:crypto";
import type { Role } from "@/generated/prisma/enums";
import { db } from "@/lib/db/client";
import { hashPassword } from "@/modules/auth/lib/password";

export const unique = (prefix: string) => `${prefix}-${randomUUID().slice(0, 8)}`;

export async function createTestUnit({ name = unique("Vårdcentralen Test") } = {}) {
  return db().unit.create({ data: { name } });
}

export const TEST_PASSWORD = "ratt-losenord-123";

export async function createTestUser({
  role = "VARDSAMORDNARE",
  unitIds,
  password = TEST_PASSWORD,
}: { role?: Role; unitIds?: string[]; password?: string } = {}) {
  const units = unitIds ?? [(await createTestUnit()).id];
  return db().user.create({
    data: {
      username: unique("user").toLowerCase(),
      displayName: unique("Testa Testsson"),
      role,
      passwordHash: await hashPassword(password),
      memberships: { create: units.map((unitId) => ({ unitId })) },
    },
  });
}

export const accessRows = (where: { userId?: string; username?: string }) =>
  db().accessLog.findMany({ where, orderBy: { id: "asc" } });
