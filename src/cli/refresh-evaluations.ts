// `npm run evaluations:refresh`: re-evaluates every open episode whose stored
// evaluation is not of today (the launcher does this at start and at 00:05
// every day; cron can run this instead). Works against DATABASE_URL or the
// embedded database in .data/.
import "./load-env";
import { createPrismaClient } from "@/lib/db/create-client";
import { refreshSummaries } from "@/modules/evaluations/lib/summaries";
import { cliDatabaseUrl } from "./database-url";

async function main() {
  const prisma = createPrismaClient(cliDatabaseUrl(), 2);
  const started = Date.now();
  try {
    const n = await refreshSummaries(prisma);
    console.log(
      `Stored evaluations refreshed: ${n} open episodes re-evaluated in ${Date.now() - started} ms.`,
    );
  } finally {
    await prisma.$disconnect();
  }
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
