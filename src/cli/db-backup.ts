// `npm run db:backup [-- <directory>]`: a physical backup of the embedded
// (demo) database, hot while it runs, cold when it is stopped
// (src/lib/db/backup.ts). Default directory: .backups/samvard-<time>/.
// Production: the managed server's own backups (README, "Backups").
import "./load-env";
import fs from "node:fs";
import path from "node:path";
import { coldBackup, hotBackup } from "@/lib/db/backup";
import { dataDir, readClusterConfig, superuserUrl } from "@/lib/db/embedded-config";
import { portIsFree } from "@/lib/db/embedded";
import { parseEnv } from "@/lib/env";
import { AlreadyRunningError, acquireLock } from "./lock";

async function main() {
  const env = parseEnv();
  if (env.DATABASE_URL)
    throw new Error(
      "DATABASE_URL is set: db:backup copies only the embedded database. Back up your server with its own tools (README, Backups).",
    );
  const dir = dataDir();
  const config = readClusterConfig(dir);
  if (!config) throw new Error(`No embedded database in ${dir} (start it once with npm start).`);
  const now = new Date();
  const dest = path.resolve(
    process.argv[2] ??
      path.join(".backups", `samvard-${now.toISOString().replaceAll(":", "").replace(/\..*/, "")}`),
  );
  if (fs.existsSync(dest) && fs.readdirSync(dest).length > 0) throw new Error(`${dest} is not empty.`);

  const running = fs.existsSync(path.join(dir, "pg", "postmaster.pid")) && !(await portIsFree(config.port));
  const started = Date.now();
  if (running) {
    console.log(`Hot backup of the running database (port ${config.port}) to ${dest}…`);
    const m = await hotBackup({ dataDir: dir, superuserUrl: superuserUrl(config), dest, now });
    console.log(`Done in ${Date.now() - started} ms: WAL ${m.startLsn} … ${m.stopLsn}.`);
  } else {
    let release: () => void;
    try {
      release = acquireLock(dir);
    } catch (e) {
      if (e instanceof AlreadyRunningError)
        throw new Error(`Samvård (pid ${e.pid}) is starting or stopping; try again in a moment.`);
      throw e;
    }
    try {
      console.log(`Cold backup of the stopped database to ${dest}…`);
      coldBackup({ dataDir: dir, dest, now });
      console.log(`Done in ${Date.now() - started} ms.`);
    } finally {
      release();
    }
  }
  console.log(
    "The backup holds the database and the demo's secrets: keep it as safe as the database. Restore: npm run db:restore -- " +
      path.relative(process.cwd(), dest),
  );
}

main().catch((e: unknown) => {
  console.error(`db:backup: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
