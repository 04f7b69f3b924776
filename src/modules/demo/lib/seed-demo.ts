// The demo: two fictional vårdcentraler and one user per role. Runs only where
// asked (`npm run db:seed`, or the launcher's first start on an empty embedded
// database), never in production mode.
import type { PrismaClient } from "@/generated/prisma/client";
import { todayInStockholm } from "@/lib/dates";
import { createUser } from "@/modules/admin/lib/create-user";
import { seedDemoPatients } from "./seed-patients";
import { DEMO_PASSWORD, DEMO_UNIT_DETAILS, DEMO_UNITS, DEMO_USERS } from "./demo-users";
import { seedDemoVisits } from "./seed-visits";

export { DEMO_PASSWORD, DEMO_UNITS, DEMO_USERS };

/**
 * Idempotent: existing users are left as they are, and patients are added only
 * to demo units that have none. Patients are dated relative to `today`.
 */
export async function seedDemo(
  prisma: PrismaClient,
  today = todayInStockholm(),
): Promise<{ created: string[]; patients: number; visits: number }> {
  const created: string[] = [];
  for (const u of DEMO_USERS) {
    if (await prisma.user.findUnique({ where: { username: u.username } })) continue;
    await createUser(prisma, { ...u, password: DEMO_PASSWORD, unitNames: u.units.map((i) => DEMO_UNITS[i]) });
    created.push(u.username);
  }
  // Details only where none are set: a verksamhetschef's own edits stay.
  for (const [name, details] of Object.entries(DEMO_UNIT_DETAILS))
    await prisma.unit.updateMany({ where: { name, phone: null, address: null }, data: details });
  const patients = await seedDemoPatients(prisma, today, DEMO_UNITS);
  return { created, patients, visits: await seedDemoVisits(prisma, today, DEMO_UNITS) };
}
