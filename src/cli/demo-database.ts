// The embedded database of demo mode, as `npm start` and `npm run db:up` use it:
// the data directory's lock, PostgreSQL, its roles and migrations.
import { appUrl, dataDir, ownerUrl } from "@/lib/db/embedded-config";
import { startEmbedded, type EmbeddedCluster } from "@/lib/db/embedded";
import { migrateAndGrant } from "@/lib/db/migrate";
import { AlreadyRunningError, acquireLock } from "./lock";

export type DemoDatabase = {
  cluster: EmbeddedCluster;
  urls: { ownerUrl: string; appUrl: string };
  /** Stops PostgreSQL and releases the lock; safe to call twice. */
  stop: () => Promise<void>;
};

export { AlreadyRunningError };

export async function startDemoDatabase({
  port,
  log,
  onStarted,
}: {
  port: number;
  log: (m: string) => void;
  /** Called as soon as PostgreSQL runs, so a signal during migrations can stop it. */
  onStarted?: (stop: () => Promise<void>) => void;
}): Promise<DemoDatabase> {
  const dir = dataDir();
  const release = acquireLock(dir);
  let cluster: EmbeddedCluster;
  try {
    log(`Starting the embedded PostgreSQL on port ${port} (data in ${dir})…`);
    cluster = await startEmbedded({ dir, port, log: (m) => process.env.SAMVARD_PG_LOG === "1" && log(m) });
  } catch (e) {
    release();
    throw e;
  }
  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    await cluster.stop();
    release();
  };
  onStarted?.(stop);
  const urls = { ownerUrl: ownerUrl(cluster.config), appUrl: appUrl(cluster.config) };
  try {
    log("Applying migrations…");
    await migrateAndGrant(urls);
  } catch (e) {
    await stop();
    throw e;
  }
  return { cluster, urls, stop };
}
