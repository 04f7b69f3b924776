// The demo: two fictional vårdcentraler and one user per role. Runs only where
// asked (`npm run db:seed`, or the launcher's first start on an empty embedded
// database), never in production mode.
import type { PrismaClient } from "@/generated/prisma/client";
import type { Role } from "@/generated/prisma/enums";
import { todayInStockholm } from "@/lib/dates";
import { createUser } from "@/modules/admin/lib/create-user";
import { seedDemoPatients } from "./seed-patients";

export const DEMO_PASSWORD = "samvard-demo";
export const DEMO_UNITS = ["Vårdcentralen Kungshöjd", "Vårdcentralen Bergsjön"] as const;

export const DEMO_USERS: { username: string; displayName: string; role: Role; units: (0 | 1)[] }[] = [
  { username: "samordnare1", displayName: "Anna Lindqvist", role: "VARDSAMORDNARE", units: [0] },
  { username: "lakare1", displayName: "Erik Johansson", role: "ALLMANLAKARE", units: [0] },
  { username: "chef1", displayName: "Maria Berg", role: "VERKSAMHETSCHEF", units: [0] },
  { username: "samordnare2", displayName: "Sara Ahmadi", role: "VARDSAMORDNARE", units: [1] },
  { username: "lakare2", displayName: "Johan Nilsson", role: "ALLMANLAKARE", units: [1] },
  { username: "psykiater", displayName: "Karin Holm", role: "PSYKIATER", units: [0, 1] },
];

/**
 * Idempotent: existing users are left as they are, and patients are added only
 * to demo units that have none. Patients are dated relative to `today`.
 */
export async function seedDemo(
  prisma: PrismaClient,
  today = todayInStockholm(),
): Promise<{ created: string[]; patients: number }> {
  const created: string[] = [];
  for (const u of DEMO_USERS) {
    if (await prisma.user.findUnique({ where: { username: u.username } })) continue;
    await createUser(prisma, { ...u, password: DEMO_PASSWORD, unitNames: u.units.map((i) => DEMO_UNITS[i]) });
    created.push(u.username);
  }
  return { created, patients: await seedDemoPatients(prisma, today, DEMO_UNITS) };
}
