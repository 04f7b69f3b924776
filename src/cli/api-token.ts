// `npm run api-token -- <username> [--name "<what it is for>"]`: creates an API
// token for the user and prints it once. Works against DATABASE_URL or the
// embedded database in .data/ (start it with `npm start` or `npm run db:up`).
import "./load-env";
import { parseArgs } from "node:util";
import { createPrismaClient } from "@/lib/db/create-client";
import { parseEnv } from "@/lib/env";
import { newRequestId } from "@/lib/request-id";
import { createApiToken } from "@/modules/api-tokens/lib/tokens";
import { recordAccess } from "@/modules/audit/lib/record-access";
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
    const { token, id, expiresAt } = await prisma.$transaction(async (tx) => {
      const created = await createApiToken(tx, {
        userId: user.id,
        name: values.name ?? "CLI",
        days: parseEnv().API_TOKEN_DAYS,
      });
      // The log says the token came from the server's command line, not a session.
      await recordAccess(tx, {
        action: "API_TOKEN_CREATED",
        userId: user.id,
        username: user.username,
        target: `api-token:${created.id}:cli`,
        requestId: newRequestId(),
      });
      return created;
    });
    console.log(token);
    console.error(`Token ${id} for ${user.username}, valid until ${expiresAt.toISOString()}.`);
  } finally {
    await prisma.$disconnect();
  }
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
