// The operations tests' own world: a PostgreSQL of their own (embedded, in a
// temporary directory), the demo's data in it, and app instances started as
// production starts them (src/cli/serve.ts with DATABASE_URL), so that the
// database can be restarted and instances put behind a load balancer.
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createPrismaClient } from "@/lib/db/create-client";
import { freePort, startEmbedded, type EmbeddedCluster } from "@/lib/db/embedded";
import { appUrl, ownerUrl } from "@/lib/db/embedded-config";
import { migrateAndGrant } from "@/lib/db/migrate";
import { createApiToken } from "@/modules/api-tokens/lib/tokens";
import { seedDemo } from "@/modules/demo/lib/seed-demo";

export type Database = {
  appUrl: string;
  port: number;
  /** Stops PostgreSQL (fast shutdown: open connections are cut). */
  stop: () => Promise<void>;
  /** Starts it again on the same data and port; resolves when it takes connections. */
  start: () => Promise<void>;
};

export async function startDatabase(): Promise<Database> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "samvard-ops-"));
  fs.chmodSync(dir, 0o755); // the postgres OS user must enter it
  const port = await freePort();
  let cluster: EmbeddedCluster = await startEmbedded({ dir, port });
  const urls = { ownerUrl: ownerUrl(cluster.config), appUrl: appUrl(cluster.config) };
  await migrateAndGrant(urls);
  const prisma = createPrismaClient(urls.appUrl, 2);
  await seedDemo(prisma);
  await prisma.$disconnect();
  return {
    appUrl: urls.appUrl,
    port,
    stop: () => cluster.stop(),
    start: async () => {
      cluster = await startEmbedded({ dir, port });
    },
  };
}

/** An API token of a demo user, made in the database as `npm run api-token` does. */
export async function tokenFor(databaseUrl: string, username: string): Promise<string> {
  const prisma = createPrismaClient(databaseUrl, 1);
  try {
    const user = await prisma.user.findUniqueOrThrow({ where: { username } });
    return (await createApiToken(prisma, { userId: user.id, name: "ops-test", days: 1 })).token;
  } finally {
    await prisma.$disconnect();
  }
}

/** The same settings every instance of one deployment shares. */
export const SHARED = {
  NEXTAUTH_SECRET: "ops-test-session-secret-0123456789abcdef0123456789",
  SAMVARD_EXPORT_KEY: "ops-test-export-key-0123456789abcdef0123456789abcd",
};

export type App = {
  url: string;
  port: number;
  process: ChildProcess;
  output: () => string;
  stop: () => Promise<number | null>;
};

/** One app instance (production's server, `src/cli/serve.ts`) on its own port, ready when /api/health is. */
export async function startApp({
  databaseUrl,
  publicUrl,
  env = {},
}: {
  databaseUrl: string;
  /** NEXTAUTH_URL: the load balancer's address when there is one. */
  publicUrl?: string;
  env?: Record<string, string>;
}): Promise<App> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  let output = "";
  const child = spawn(
    path.join("node_modules", ".bin", "node"),
    ["--import", "tsx", "--conditions=react-server", "src/cli/serve.ts"],
    {
      env: {
        ...process.env,
        ...SHARED,
        NODE_ENV: "production",
        DATABASE_URL: databaseUrl,
        NEXTAUTH_URL: publicUrl ?? url,
        PORT: String(port),
        HOST: "127.0.0.1",
        SAMVARD_WORKERS: "1",
        ...env,
      },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  child.stdout!.on("data", (d: Buffer) => (output += d.toString()));
  child.stderr!.on("data", (d: Buffer) => (output += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  const until = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the app exited at start:\n${output}`);
    try {
      if ((await fetch(`${url}/api/health`)).ok) break;
    } catch {
      /* not listening yet */
    }
    if (Date.now() > until) throw new Error(`the app did not become healthy:\n${output}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    url,
    port,
    process: child,
    output: () => output,
    stop: async () => {
      if (child.exitCode === null) child.kill("SIGTERM");
      return exited;
    },
  };
}

/** The ids of an open episode in a demo user's first unit. */
export async function openEpisodeOf(databaseUrl: string, username: string): Promise<string> {
  const prisma = createPrismaClient(databaseUrl, 1);
  try {
    const user = await prisma.user.findUniqueOrThrow({
      where: { username },
      include: { memberships: true },
    });
    const episode = await prisma.episode.findFirstOrThrow({
      where: { status: "ACTIVE", patient: { unitId: user.memberships[0]!.unitId } },
      orderBy: { startDate: "desc" },
    });
    return episode.id;
  } finally {
    await prisma.$disconnect();
  }
}
