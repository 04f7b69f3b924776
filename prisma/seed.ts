// `npm run db:seed` / `prisma db seed`: adds the demo units and users.
// Against an external database (DATABASE_URL set) it refuses unless
// SAMVARD_ALLOW_DEMO_SEED=1: demo accounts with a published password must
// never reach production by accident.
import "../src/cli/load-env";
import { cliDatabaseUrl } from "../src/cli/database-url";
import { createPrismaClient } from "../src/lib/db/create-client";
import { seedDemo } from "../src/modules/demo/lib/seed-demo";

async function main() {
  if (process.env.DATABASE_URL && process.env.SAMVARD_ALLOW_DEMO_SEED !== "1") {
    console.error(
      "Refusing to seed demo users into DATABASE_URL (set SAMVARD_ALLOW_DEMO_SEED=1 for a test server).",
    );
    process.exit(1);
  }
  const prisma = createPrismaClient(cliDatabaseUrl(), 2);
  try {
    const { created } = await seedDemo(prisma);
    console.log(created.length ? `Demo users created: ${created.join(", ")}` : "Demo users already present.");
  } finally {
    await prisma.$disconnect();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
