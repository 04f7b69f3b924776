// Per-test data with unique values: no shared fixtures between tests.
import { randomUUID } from "node:crypto";
import type { Role } from "@/generated/prisma/enums";
import { systemDb } from "@/lib/db/client";
import { createApiToken } from "@/modules/api-tokens/lib/tokens";
import type { Actor } from "@/modules/auth/actor";
import { hashPassword } from "@/modules/auth/lib/password";
import { luhnCheckDigit } from "@/modules/patients/rules/identity";
import { testRandom } from "./random";

export const unique = (prefix: string) => `${prefix}-${randomUUID().slice(0, 8)}`;

export async function createTestUnit({ name = unique("Vårdcentralen Test") } = {}) {
  return systemDb().unit.create({ data: { name } });
}

export const TEST_PASSWORD = "ratt-losenord-123";

let passwordHash: Promise<string> | undefined;

export async function createTestUser({
  role = "VARDSAMORDNARE",
  unitIds,
  password = TEST_PASSWORD,
}: { role?: Role; unitIds?: string[]; password?: string } = {}) {
  const units = unitIds ?? [(await createTestUnit()).id];
  // argon2 is slow on purpose; the test password's hash is made once per file.
  const hash =
    password === TEST_PASSWORD
      ? await (passwordHash ??= hashPassword(TEST_PASSWORD))
      : await hashPassword(password);
  return systemDb().user.create({
    data: {
      username: unique("user").toLowerCase(),
      displayName: unique("Testa Testsson"),
      role,
      passwordHash: hash,
      memberships: { create: units.map((unitId) => ({ unitId })) },
    },
    include: { memberships: { include: { unit: true } } },
  });
}

type TestUser = Awaited<ReturnType<typeof createTestUser>>;

/** The user as a use case sees them, signed in through a (made-up) session of one request. */
export function actorOf(user: TestUser, { sessionId = randomUUID() } = {}): Actor {
  const units = user.memberships.map((m) => ({ id: m.unit.id, name: m.unit.name }));
  return {
    userId: user.id,
    username: user.username,
    displayName: user.displayName,
    role: user.role,
    unitIds: units.map((u) => u.id),
    units,
    credential: { kind: "session", sessionId },
    requestId: randomUUID(),
    clientRequestId: null,
  };
}

export const accessRows = (where: { userId?: string; username?: string }) =>
  systemDb().accessLog.findMany({ where, orderBy: { id: "asc" } });

/** A user with an API token, in the given units (a new unit when none). */
export async function createTokenUser(opts: Parameters<typeof createTestUser>[0] = {}) {
  const user = await createTestUser(opts);
  const { token, id: tokenId } = await createApiToken(systemDb(), {
    userId: user.id,
    name: "test",
    days: 90,
  });
  return { user, token, tokenId };
}

const random = testRandom("personnummer");

/** A valid personnummer (seeded: the same run gives the same numbers): born on a random date, Luhn digit computed. */
export function uniquePersonnummer({ coordination = false } = {}): string {
  const int = (n: number) => Math.floor(random() * n);
  const year = 1940 + int(60);
  const month = 1 + int(12);
  const day = 1 + int(28) + (coordination ? 60 : 0);
  const serial = String(1 + int(999)).padStart(3, "0");
  const date = `${String(month).padStart(2, "0")}${String(day).padStart(2, "0")}`;
  const nine = `${String(year).slice(2)}${date}${serial}`;
  return `${year}${date}${serial}${luhnCheckDigit(nine)}`;
}
