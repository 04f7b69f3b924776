// db:backup and db:restore on a cluster of their own: a demo database with
// patients, contacts and access-log rows is copied while it runs (and once
// stopped), put back in another directory, started, and compared row by row,
// timestamps included. What was written after the backup is not in it.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { coldBackup, hotBackup, readManifest, restoreBackup } from "@/lib/db/backup";
import { createPrismaClient } from "@/lib/db/create-client";
import { startEmbedded, freePort, type EmbeddedCluster } from "@/lib/db/embedded";
import { appUrl, ownerUrl, readClusterConfig, superuserUrl } from "@/lib/db/embedded-config";
import { migrateAndGrant } from "@/lib/db/migrate";
import { seedDemo } from "@/modules/demo/lib/seed-demo";

const root = fs.mkdtempSync(path.join(os.tmpdir(), "samvard-backup-"));
fs.chmodSync(root, 0o755); // the postgres OS user must enter it
const source = path.join(root, "source");
const running: EmbeddedCluster[] = [];

/** Every row of the tables that must survive, as PostgreSQL renders them (microseconds and all). */
async function snapshot(url: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const rows = async (table: string) =>
      (
        await client.query<{ r: string }>(`SELECT row_to_json(t)::text AS r FROM ${table} t ORDER BY 1`)
      ).rows.map((x) => x.r);
    return {
      patients: await rows("patient"),
      episodes: await rows("episode"),
      contacts: await rows("contact"),
      accessLog: await rows("access_log"),
      users: await rows("app_user"),
    };
  } finally {
    await client.end();
  }
}

async function logRow(url: string, target: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query(
    `INSERT INTO access_log (action, target, request_id) VALUES ('READ', $1, gen_random_uuid()::text)`,
    [target],
  );
  await client.end();
}

async function start(dir: string) {
  const cluster = await startEmbedded({ dir, port: await freePort() });
  running.push(cluster);
  return cluster;
}

let cluster: EmbeddedCluster;
beforeAll(async () => {
  cluster = await start(source);
  await migrateAndGrant({ ownerUrl: ownerUrl(cluster.config), appUrl: appUrl(cluster.config) });
  const prisma = createPrismaClient(appUrl(cluster.config), 2);
  await seedDemo(prisma);
  await prisma.$disconnect();
  await logRow(appUrl(cluster.config), "backup-test:before");
}, 180_000);

afterAll(async () => {
  for (const c of running) await c.stop();
  fs.rmSync(root, { recursive: true, force: true });
});

describe("a backup of the embedded database", () => {
  it("copied while it runs, restores to exactly the rows it had; later writes are not in it", async () => {
    const before = await snapshot(appUrl(cluster.config));
    expect(before.patients.length).toBeGreaterThan(10);
    expect(before.contacts.length).toBeGreaterThan(50);
    expect(before.accessLog.length).toBeGreaterThan(0);

    const dest = path.join(root, "hot");
    const manifest = await hotBackup({
      dataDir: source,
      superuserUrl: superuserUrl(cluster.config),
      dest,
    });
    expect(manifest).toMatchObject({ kind: "hot", pgVersion: "18" });
    expect(readManifest(dest)).toEqual(manifest);
    expect(fs.existsSync(path.join(dest, "data", "pg", "backup_label"))).toBe(true);
    // The slot that kept the WAL went with the backup's session.
    const su = new pg.Client({ connectionString: superuserUrl(cluster.config) });
    await su.connect();
    expect((await su.query("SELECT slot_name FROM pg_replication_slots")).rows).toEqual([]);
    await su.end();
    await logRow(appUrl(cluster.config), "backup-test:after");

    const target = path.join(root, "restored-hot");
    expect(restoreBackup({ backupDir: dest, dataDir: target }).movedAside).toBeNull();
    const restored = await start(target);
    // The copied cluster config brings the same role passwords.
    expect(readClusterConfig(target)?.appPassword).toBe(cluster.config.appPassword);
    expect(await snapshot(appUrl(restored.config))).toEqual(before);
    await restored.stop();
  });

  it("copied while stopped, restores the same; the directory it replaces is moved aside, not deleted", async () => {
    await logRow(appUrl(cluster.config), "backup-test:cold");
    const before = await snapshot(appUrl(cluster.config));
    await cluster.stop();
    const dest = path.join(root, "cold");
    expect(coldBackup({ dataDir: source, dest }).kind).toBe("cold");
    cluster = await start(source); // back to work

    const target = path.join(root, "restored-hot"); // holds the first restore: replaced, kept aside
    const { movedAside } = restoreBackup({ backupDir: dest, dataDir: target });
    expect(movedAside).not.toBeNull();
    expect(fs.existsSync(path.join(movedAside!, "pg", "PG_VERSION"))).toBe(true);
    const restored = await start(target);
    expect(await snapshot(appUrl(restored.config))).toEqual(before);
  });

  it("copied while rows are written, restores a consistent prefix of them, with every row committed before it began", async () => {
    const url = appUrl(cluster.config);
    const writer = new pg.Client({ connectionString: url });
    await writer.connect();
    let writing = true;
    let n = 0;
    const written = (async () => {
      while (writing)
        await writer.query(
          `INSERT INTO access_log (action, target, request_id) VALUES ('READ', $1, gen_random_uuid()::text)`,
          [`backup-test:during-${n++}`],
        );
    })();
    while (n < 20) await new Promise((r) => setTimeout(r, 5));
    const committedBefore = n - 1;
    const dest = path.join(root, "during");
    await hotBackup({ dataDir: source, superuserUrl: superuserUrl(cluster.config), dest });
    writing = false;
    await written;
    await writer.end();

    const during = (rows: string[]) =>
      rows
        .map((r) => JSON.parse(r) as { id: number; target: string })
        .filter((r) => r.target.startsWith("backup-test:during-"))
        .sort((a, b) => a.id - b.id) // in the order they were written (the snapshot sorts as text)
        .map((r) => JSON.stringify(r));
    const all = during((await snapshot(url)).accessLog);
    restoreBackup({ backupDir: dest, dataDir: path.join(root, "restored-during") });
    const restored = await start(path.join(root, "restored-during"));
    const kept = during((await snapshot(appUrl(restored.config))).accessLog);
    expect(kept.length).toBeGreaterThanOrEqual(committedBefore);
    expect(kept.length).toBeLessThanOrEqual(all.length);
    expect(kept).toEqual(all.slice(0, kept.length));
  });

  it("refuses what is not a backup, and a cold copy of a running cluster", () => {
    expect(() => readManifest(root)).toThrow(/not a Samvård backup/);
    expect(() => coldBackup({ dataDir: source, dest: path.join(root, "x") })).toThrow(/stopped/);
    expect(() => coldBackup({ dataDir: source, dest: path.join(source, "backups") })).toThrow(
      /inside the data directory/,
    );
  });
});
