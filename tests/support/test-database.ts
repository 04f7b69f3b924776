// A throw-away embedded PostgreSQL for tests: a free port, a temp data
// directory the `postgres` OS user can enter, migrations applied by the real
// Prisma CLI, and the app's non-superuser role granted as in production.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { appUrl, ownerUrl, superuserUrl } from "@/lib/db/embedded-config";
import { freePort, startEmbedded } from "@/lib/db/embedded";
import { migrateAndGrant } from "@/lib/db/migrate";

export type TestDatabase = {
  appUrl: string;
  ownerUrl: string;
  superuserUrl: string;
  stop: () => Promise<void>;
};

export async function startTestDatabase(): Promise<TestDatabase> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "samvard-test-"));
  fs.chmodSync(dir, 0o755); // mkdtemp makes 700, which the postgres user cannot enter
  const cleanup = () => fs.rmSync(dir, { recursive: true, force: true });
  let cluster;
  try {
    cluster = await startEmbedded({ dir, port: await freePort() });
  } catch (e) {
    cleanup();
    throw e;
  }
  const stop = async () => {
    await cluster.stop();
    cleanup();
  };
  const urls = { ownerUrl: ownerUrl(cluster.config), appUrl: appUrl(cluster.config) };
  try {
    await migrateAndGrant(urls);
  } catch (e) {
    await stop();
    throw e;
  }
  return { ...urls, superuserUrl: superuserUrl(cluster.config, "samvard"), stop };
}
