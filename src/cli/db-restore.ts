// `npm run db:restore -- <backup directory>`: puts a backup made by
// db:backup in place of the embedded database. Samvård must be stopped; the
// current data directory is moved aside (never deleted). At the next start
// PostgreSQL replays the backup's WAL to its end before it takes connections.
import "./load-env";
import { restoreBackup } from "@/lib/db/backup";
import { dataDir } from "@/lib/db/embedded-config";
import { parseEnv } from "@/lib/env";
import { AlreadyRunningError, acquireLock } from "./lock";

function main() {
  const env = parseEnv();
  if (env.DATABASE_URL)
    throw new Error("DATABASE_URL is set: db:restore restores only the embedded database (README, Backups).");
  const backupDir = process.argv[2];
  if (!backupDir) throw new Error("Name the backup: npm run db:restore -- .backups/samvard-<time>");
  const dir = dataDir();
  let release: () => void;
  try {
    release = acquireLock(dir);
  } catch (e) {
    if (e instanceof AlreadyRunningError)
      throw new Error(
        `Samvård is running (pid ${e.pid}): stop it first (Ctrl-C in its terminal, or kill ${e.pid}).`,
      );
    throw e;
  }
  try {
    const { manifest, movedAside } = restoreBackup({ backupDir, dataDir: dir });
    console.log(`Restored the ${manifest.kind} backup of ${manifest.createdAt} into ${dir}.`);
    if (movedAside)
      console.log(`The directory it replaced is kept in ${movedAside}; remove it when you are sure.`);
    console.log("Start Samvård as usual (npm start).");
  } finally {
    release();
  }
}

try {
  main();
} catch (e) {
  console.error(`db:restore: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
}
