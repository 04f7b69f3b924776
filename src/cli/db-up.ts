// `npm run db:up`: only the embedded PostgreSQL, in the foreground, with
// migrations applied; for `npx prisma …`, `npm run db:seed` and psql while the
// app is not running. Ctrl-C stops it.
import "./load-env";
import { parseEnv } from "@/lib/env";
import { AlreadyRunningError, startDemoDatabase } from "./demo-database";

async function main() {
  const env = parseEnv();
  if (env.DATABASE_URL) throw new Error("DATABASE_URL is set: db:up only manages the embedded database.");
  let stop: (() => Promise<void>) | undefined;
  for (const s of ["SIGINT", "SIGTERM"] as const) {
    process.removeAllListeners(s);
    process.on(s, () => void (stop?.() ?? Promise.resolve()).then(() => process.exit(0)));
  }
  try {
    const db = await startDemoDatabase({
      port: env.EMBEDDED_PG_PORT,
      log: console.log,
      onStarted: (s) => (stop = s),
    });
    console.log(
      `Embedded PostgreSQL on 127.0.0.1:${env.EMBEDDED_PG_PORT}, database "samvard", migrations applied.`,
    );
    console.log(`Owner (migrations): ${db.urls.ownerUrl.replace(/:[^:@]*@/, ":***@")}`);
    console.log("`npx prisma migrate status` now works against it. Ctrl-C stops it.");
  } catch (e) {
    if (e instanceof AlreadyRunningError) {
      console.log(
        `Samvård (pid ${e.pid}) already runs the embedded database on port ${env.EMBEDDED_PG_PORT}.`,
      );
      return;
    }
    throw e;
  }
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
