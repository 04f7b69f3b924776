// Per-test data with unique values: no shared fixtures between tests.
import { randomUUID } from "node:crypto";
import type { Role } from "@/generated/prisma/enums";
import { db } from "@/lib/db/client";
import { hashPassword } from "@/modules/auth/lib/password";
import { createApiToken } from "@/modules/api-tokens/lib/tokens";
import { luhnCheckDigit } from "@/modules/patients/rules/identity";

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

/** A user with an API token, in the given units (a new unit when none). */
export async function createTokenUser(opts: Parameters<typeof createTestUser>[0] = {}) {
  const user = await createTestUser(opts);
  const { token } = await createApiToken(db(), { userId: user.id, name: "test" });
  return { user, token };
}

/** A valid personnummer that no other test uses: born on a random date, Luhn digit computed. */
export function uniquePersonnummer({ coordination = false } = {}): string {
  const year = 1940 + Math.floor(Math.random() * 60);
  const month = 1 + Math.floor(Math.random() * 12);
  const day = 1 + Math.floor(Math.random() * 28) + (coordination ? 60 : 0);
  const serial = String(1 + Math.floor(Math.random() * 999)).padStart(3, "0");
  const nine = `${String(year).slice(2)}${String(month).padStart(2, "0")}${String(day).padStart(2, "0")}${serial}`;
  return `${year}${String(month).padStart(2, "0")}${String(day).padStart(2, "0")}${serial}${luhnCheckDigit(nine)}`;
}
