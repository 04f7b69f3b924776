// `npm run db:up`: only the embedded PostgreSQL, in the foreground, with
// migrations applied; for `npx prisma …`, `npm run db:seed` and psql while the
// app is not running. Ctrl-C stops it.
import "./load-env";
import { parseEnv } from "@/lib/env";
import { appUrl, dataDir, ownerUrl } from "@/lib/db/embedded-config";
import { startEmbedded } from "@/lib/db/embedded";
import { migrateAndGrant } from "@/lib/db/migrate";
import { AlreadyRunningError, acquireLock } from "./lock";

async function main() {
  const env = parseEnv();
  if (env.DATABASE_URL) throw new Error("DATABASE_URL is set: db:up only manages the embedded database.");
  const dir = dataDir();
  let release: () => void;
  try {
    release = acquireLock(dir);
  } catch (e) {
    if (e instanceof AlreadyRunningError) {
      console.log(
        `Samvård (pid ${e.pid}) already runs the embedded database on port ${env.EMBEDDED_PG_PORT}.`,
      );
      return;
    }
    throw e;
  }
  const cluster = await startEmbedded({ dir, port: env.EMBEDDED_PG_PORT });
  const stop = async () => {
    await cluster.stop();
    release();
    process.exit(0);
  };
  for (const s of ["SIGINT", "SIGTERM"] as const) {
    process.removeAllListeners(s);
    process.on(s, () => void stop());
  }
  try {
    await migrateAndGrant({ ownerUrl: ownerUrl(cluster.config), appUrl: appUrl(cluster.config) });
  } catch (e) {
    await cluster.stop();
    release();
    throw e;
  }
  console.log(
    `Embedded PostgreSQL on 127.0.0.1:${cluster.config.port}, database "samvard", migrations applied.`,
  );
  console.log(`Owner (migrations): ${ownerUrl(cluster.config).replace(/:[^:@]*@/, ":***@")}`);
  console.log("`npx prisma migrate status` now works against it. Ctrl-C stops it.");
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
