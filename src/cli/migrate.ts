// `npm run db:migrate`: applies pending migrations to DATABASE_URL's server as
// MIGRATE_DATABASE_URL (the owner; defaults to DATABASE_URL) and grants the
// app's role its rights. For deployments that migrate before starting the app.
import "./load-env";
import { parseEnv } from "@/lib/env";
import { migrateAndGrant } from "@/lib/db/migrate";

async function main() {
  const env = parseEnv();
  if (!env.DATABASE_URL)
    throw new Error(
      "Set DATABASE_URL (and MIGRATE_DATABASE_URL for the owning role). The embedded database migrates on `npm start`.",
    );
  const output = await migrateAndGrant({
    ownerUrl: env.MIGRATE_DATABASE_URL ?? env.DATABASE_URL,
    appUrl: env.DATABASE_URL,
  });
  console.log(output.trim());
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
