// Creating units and users: shared by `npm run user:create`, the demo seed and
// test factories. No "server-only": CLI commands run it outside Next.
import type { PrismaClient } from "@/generated/prisma/client";
import type { Role } from "@/generated/prisma/enums";
import { hashPassword } from "@/modules/auth/lib/password";
import { z } from "zod";
import { ROLES } from "@/modules/auth/roles";

export const ZCreateUser = z.object({
  username: z
    .string()
    .trim()
    .toLowerCase()
    .regex(/^[a-z0-9._-]{3,50}$/, "3–50 tecken: a–z, 0–9, punkt, bindestreck eller understreck"),
  displayName: z.string().trim().min(1, "Ange namn").max(200),
  role: z.enum(ROLES),
  password: z.string().min(12, "Lösenordet måste ha minst 12 tecken").max(200),
  unitNames: z.array(z.string().trim().min(1).max(200)).min(1, "Ange minst en enhet"),
});
export type TCreateUser = z.infer<typeof ZCreateUser>;

/** Finds units by name, creating the missing ones. */
export async function ensureUnits(prisma: PrismaClient, names: string[]) {
  return Promise.all(
    names.map((name) => prisma.unit.upsert({ where: { name }, update: {}, create: { name } })),
  );
}

export async function createUser(
  prisma: PrismaClient,
  input: { username: string; displayName: string; role: Role; password: string; unitNames: string[] },
) {
  const data = ZCreateUser.parse(input);
  const units = await ensureUnits(prisma, data.unitNames);
  return prisma.user.create({
    data: {
      username: data.username,
      displayName: data.displayName,
      role: data.role,
      passwordHash: await hashPassword(data.password),
      memberships: { create: units.map((u) => ({ unitId: u.id })) },
    },
    include: { memberships: { include: { unit: true } } },
  });
}
