// Physical backups of the embedded (demo) database, and their restore.
//
// These machines have no pg_dump for PostgreSQL 18 (the embedded package ships
// only initdb, pg_ctl and postgres; Debian's clients are version 15 and refuse
// a newer server). So a backup is a copy of the cluster's files:
//
// - running: a hot copy, consistent through the WAL. In one session: a
//   temporary replication slot keeps the WAL from the start on;
//   pg_backup_start() (a fast checkpoint, full-page writes forced); the data
//   files are copied while the server works; pg_backup_stop() gives the backup
//   label, written into the copy as backup_label; then pg_wal is copied, which
//   now holds everything up to the backup's end. On restore PostgreSQL replays
//   that WAL before it takes connections ("consistent recovery state reached").
// - stopped: a cold copy, consistent as it lies (the data directory's lock is
//   held meanwhile, so nothing starts it).
//
// The backup holds the whole data directory (SAMVARD_DATA_DIR): the cluster's
// role passwords and the demo's session secret and export key with it, so a
// restored directory starts as it was. It is as sensitive as the database.
// Production uses the managed server's own backups (README, Operations).
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import pg from "pg";

export type BackupManifest = {
  format: "samvard-physical-backup-1";
  kind: "hot" | "cold";
  createdAt: string;
  /** PostgreSQL's major version (the restore needs the same one). */
  pgVersion: string;
  /** For a hot backup: the WAL positions it spans. */
  startLsn?: string;
  stopLsn?: string;
};

const MANIFEST = "manifest.json";
const PG = "pg";

/**
 * What a hot copy leaves out of the cluster directory, as PostgreSQL's own
 * base backup does: the server's pid and options, the WAL (copied after the
 * stop), the slots, and the contents of directories rebuilt at start.
 */
const SKIP_CONTENTS = new Set([
  "pg_wal",
  "pg_replslot",
  "pg_dynshmem",
  "pg_notify",
  "pg_serial",
  "pg_snapshots",
  "pg_stat_tmp",
  "pg_subtrans",
]);
const SKIP_FILES = new Set(["postmaster.pid", "postmaster.opts", "samvard.pid"]);

/** Copies `from` to `to`, leaving out what the filter refuses; empty directories are kept. */
function copyTree(from: string, to: string, keep: (rel: string, isDir: boolean) => boolean, rel = "") {
  let entries: fs.Dirent[];
  try {
    fs.mkdirSync(to, { recursive: true, mode: fs.statSync(from).mode & 0o777 });
    entries = fs.readdirSync(from, { withFileTypes: true });
  } catch (e) {
    // A directory PostgreSQL removed while we copied (a temporary one): the WAL covers it.
    if (rel && (e as NodeJS.ErrnoException).code === "ENOENT") return;
    throw e;
  }
  for (const entry of entries) {
    const r = rel ? `${rel}/${entry.name}` : entry.name;
    const src = path.join(from, entry.name);
    const dst = path.join(to, entry.name);
    if (!keep(r, entry.isDirectory())) continue;
    if (entry.isDirectory()) copyTree(src, dst, keep, r);
    else if (entry.isSymbolicLink()) fs.symlinkSync(fs.readlinkSync(src), dst);
    else {
      try {
        fs.copyFileSync(src, dst);
        fs.chmodSync(dst, fs.statSync(src).mode & 0o777);
      } catch (e) {
        // A temporary file PostgreSQL removed while we copied: the WAL covers it.
        if ((e as NodeJS.ErrnoException).code !== "ENOENT") throw e;
      }
    }
  }
}

/** The cluster-relative path's top directory is one whose contents are left out. */
const inSkipped = (rel: string) => {
  const [top, ...rest] = rel.split("/");
  return SKIP_CONTENTS.has(top!) && rest.length > 0;
};

/** A backup inside the directory it copies would copy itself. */
function refuseInside(dataDir: string, dest: string) {
  const rel = path.relative(path.resolve(dataDir), path.resolve(dest));
  if (rel === "" || (!rel.startsWith("..") && !path.isAbsolute(rel)))
    throw new Error(`The backup cannot go inside the data directory it copies (${dataDir}).`);
}

function pgVersion(pgDir: string): string {
  return fs.readFileSync(path.join(pgDir, "PG_VERSION"), "utf8").trim();
}

/** A hot copy of a running cluster; `superuserUrl` reaches it as a superuser. */
export async function hotBackup({
  dataDir,
  superuserUrl,
  dest,
  now = new Date(),
}: {
  dataDir: string;
  superuserUrl: string;
  dest: string;
  now?: Date;
}): Promise<BackupManifest> {
  refuseInside(dataDir, dest);
  const pgDir = path.join(dataDir, PG);
  const client = new pg.Client({ connectionString: superuserUrl });
  await client.connect();
  try {
    const slot = `samvard_backup_${process.pid}`;
    await client.query("SELECT pg_create_physical_replication_slot($1, true, true)", [slot]);
    const started = await client.query<{ lsn: string }>("SELECT pg_backup_start($1, true) AS lsn", [
      `samvard ${now.toISOString()}`,
    ]);
    fs.mkdirSync(dest, { recursive: true, mode: 0o700 });
    // The data directory beside the cluster (passwords, secrets), then the cluster's files.
    copyTree(dataDir, path.join(dest, "data"), (rel) => {
      if (SKIP_FILES.has(path.basename(rel))) return false;
      if (rel === PG || !rel.startsWith(`${PG}/`)) return true;
      return !inSkipped(rel.slice(PG.length + 1));
    });
    const stopped = await client.query<{ lsn: string; labelfile: string; spcmapfile: string | null }>(
      "SELECT lsn, labelfile, spcmapfile FROM pg_backup_stop(false)",
    );
    const { lsn: stopLsn, labelfile, spcmapfile } = stopped.rows[0]!;
    const copyPg = path.join(dest, "data", PG);
    fs.writeFileSync(path.join(copyPg, "backup_label"), labelfile, { mode: 0o600 });
    if (spcmapfile) fs.writeFileSync(path.join(copyPg, "tablespace_map"), spcmapfile, { mode: 0o600 });
    // The WAL from the backup's start (kept by the slot) to its end.
    copyTree(path.join(pgDir, "pg_wal"), path.join(copyPg, "pg_wal"), () => true);
    const manifest: BackupManifest = {
      format: "samvard-physical-backup-1",
      kind: "hot",
      createdAt: now.toISOString(),
      pgVersion: pgVersion(pgDir),
      startLsn: started.rows[0]!.lsn,
      stopLsn,
    };
    fs.writeFileSync(path.join(dest, MANIFEST), JSON.stringify(manifest, null, 2), { mode: 0o600 });
    return manifest;
  } finally {
    await client.end(); // the temporary slot goes with the session
  }
}

/** A cold copy of a stopped cluster (the caller holds the data directory's lock). */
export function coldBackup({
  dataDir,
  dest,
  now = new Date(),
}: {
  dataDir: string;
  dest: string;
  now?: Date;
}): BackupManifest {
  refuseInside(dataDir, dest);
  const pgDir = path.join(dataDir, PG);
  if (fs.existsSync(path.join(pgDir, "postmaster.pid")))
    throw new Error("PostgreSQL seems to run on this data directory: a cold copy needs it stopped.");
  fs.mkdirSync(dest, { recursive: true, mode: 0o700 });
  copyTree(dataDir, path.join(dest, "data"), (rel) => !SKIP_FILES.has(path.basename(rel)));
  const manifest: BackupManifest = {
    format: "samvard-physical-backup-1",
    kind: "cold",
    createdAt: now.toISOString(),
    pgVersion: pgVersion(pgDir),
  };
  fs.writeFileSync(path.join(dest, MANIFEST), JSON.stringify(manifest, null, 2), { mode: 0o600 });
  return manifest;
}

export function readManifest(backupDir: string): BackupManifest {
  let manifest: BackupManifest;
  try {
    manifest = JSON.parse(fs.readFileSync(path.join(backupDir, MANIFEST), "utf8")) as BackupManifest;
  } catch {
    throw new Error(`${backupDir} is not a Samvård backup (no readable ${MANIFEST}).`);
  }
  if (manifest.format !== "samvard-physical-backup-1")
    throw new Error(`${backupDir}: unknown backup format ${String(manifest.format)}.`);
  if (!fs.existsSync(path.join(backupDir, "data", PG, "PG_VERSION")))
    throw new Error(`${backupDir} has no cluster (data/${PG}).`);
  return manifest;
}

/** The OS user the embedded PostgreSQL runs as, when we are root (it refuses to run as root). */
function postgresOwner(): { uid: number; gid: number } | null {
  if (process.getuid?.() !== 0) return null;
  const id = (flag: string) => Number(execFileSync("id", [flag, "postgres"]).toString().trim());
  return { uid: id("-u"), gid: id("-g") };
}

function chownTree(dir: string, owner: { uid: number; gid: number }) {
  fs.chownSync(dir, owner.uid, owner.gid);
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) chownTree(p, owner);
    else fs.lchownSync(p, owner.uid, owner.gid);
  }
}

/**
 * Puts a backup in place of `dataDir` (whose PostgreSQL must be stopped; the
 * caller holds its lock). The current directory is moved aside, never
 * deleted; the path it went to is returned.
 */
export function restoreBackup({
  backupDir,
  dataDir,
  now = new Date(),
}: {
  backupDir: string;
  dataDir: string;
  now?: Date;
}): { manifest: BackupManifest; movedAside: string | null } {
  const manifest = readManifest(backupDir);
  if (fs.existsSync(path.join(dataDir, PG, "postmaster.pid")))
    throw new Error("PostgreSQL seems to run on the data directory: stop Samvård first.");
  let movedAside: string | null = null;
  const staging = `${dataDir}.restoring`;
  fs.rmSync(staging, { recursive: true, force: true });
  copyTree(path.join(backupDir, "data"), staging, () => true);
  fs.chmodSync(path.join(staging, PG), 0o700);
  const owner = postgresOwner();
  if (owner) chownTree(path.join(staging, PG), owner);
  if (fs.existsSync(dataDir)) {
    movedAside = `${dataDir}.before-restore-${now.toISOString().replaceAll(":", "").replace(/\..*/, "")}`;
    // The lock file stays with the directory being restored into.
    fs.renameSync(dataDir, movedAside);
    const lock = path.join(movedAside, "samvard.pid");
    fs.mkdirSync(dataDir, { mode: 0o755 });
    if (fs.existsSync(lock)) fs.renameSync(lock, path.join(dataDir, "samvard.pid"));
  }
  fs.mkdirSync(dataDir, { recursive: true, mode: 0o755 });
  for (const entry of fs.readdirSync(staging))
    fs.renameSync(path.join(staging, entry), path.join(dataDir, entry));
  fs.rmSync(staging, { recursive: true, force: true });
  return { manifest, movedAside };
}
