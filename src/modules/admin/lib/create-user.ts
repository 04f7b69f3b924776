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

/** Creates the user, and the named units that do not exist yet, in one transaction. */
export async function createUser(
  prisma: PrismaClient,
  input: { username: string; displayName: string; role: Role; password: string; unitNames: string[] },
) {
  const data = ZCreateUser.parse(input);
  const passwordHash = await hashPassword(data.password);
  return prisma.$transaction(async (tx) => {
    const units = [];
    for (const name of data.unitNames)
      units.push(await tx.unit.upsert({ where: { name }, update: {}, create: { name } }));
    return tx.user.create({
      data: {
        username: data.username,
        displayName: data.displayName,
        role: data.role,
        passwordHash,
        memberships: { create: units.map((u) => ({ unitId: u.id })) },
      },
      include: { memberships: { include: { unit: true } } },
    });
  });
}
