// `npm run api-token -- <username> [--name "<what it is for>"]`: creates an API
// token for the user and prints it once. Works against DATABASE_URL or the
// embedded database in .data/ (start it with `npm start` or `npm run db:up`).
import "./load-env";
import { parseArgs } from "node:util";
import { createPrismaClient } from "@/lib/db/create-client";
import { createApiToken } from "@/modules/api-tokens/lib/tokens";
import { cliDatabaseUrl } from "./database-url";

async function main() {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: { name: { type: "string" } },
  });
  const username = positionals[0]?.trim().toLowerCase();
  if (!username) {
    console.error('Usage: npm run api-token -- <username> [--name "journal integration"]');
    process.exit(2);
  }
  const prisma = createPrismaClient(cliDatabaseUrl(), 1);
  try {
    const user = await prisma.user.findUnique({ where: { username } });
    if (!user || !user.active) {
      console.error(`No active user named ${username}.`);
      process.exit(1);
    }
    const { token } = await createApiToken(prisma, { userId: user.id, name: values.name ?? "CLI" });
    console.log(token);
  } finally {
    await prisma.$disconnect();
  }
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
