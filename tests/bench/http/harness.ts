// The benchmark's app at work on its database: the data opened (generated on
// first use), the production build started, the four roles logged in and an
// API token made; everything stopped and the benchmark's calls removed after.
import { createHash, randomBytes } from "node:crypto";
import pg from "pg";
import { performance } from "node:perf_hooks";
import { createPrismaClient } from "@/lib/db/create-client";
import { todayInStockholm } from "@/lib/dates";
import { refreshSummaries } from "@/modules/evaluations/lib/summaries";
import { BENCH_PASSWORD, SCALES } from "../scale/generate";
import { openBenchDatabase, type BenchDatabase } from "../scale/bench-db";
import { login, startApp, type AppServer } from "./server";
import { BENCH_NOTE, findTargets, scenarios, type Scenario, type Targets } from "./scenarios";

export type BenchApp = {
  db: BenchDatabase;
  owner: pg.Client;
  /** A connection as the app's role, for the hand-written SQL. */
  sqlClient: pg.Client;
  app: AppServer;
  targets: Targets;
  all: Scenario[];
  cookies: Record<"careManager" | "gp" | "psychiatrist" | "chef", string>;
  credentials: (s: Scenario) => Record<string, string>;
  /** The start's refresh of the stored evaluations: how many, how long. */
  refresh: { episodes: number; ms: number };
};

export async function withBenchApp(
  name: keyof typeof SCALES,
  { nodeOptions = [] }: { nodeOptions?: string[] },
  run: (b: BenchApp) => Promise<void>,
) {
  const scale = SCALES[name];
  if (!scale) throw new Error(`Unknown scale "${name}": one of ${Object.keys(SCALES).join(", ")}.`);
  const today = todayInStockholm();
  const db = await openBenchDatabase(scale, { anchor: process.env.BENCH_ANCHOR ?? today });
  const owner = new pg.Client({ connectionString: db.ownerUrl });
  const sqlClient = new pg.Client({ connectionString: db.appUrl });
  let app: AppServer | undefined;
  let refresh = { episodes: 0, ms: 0 };
  const token = `svd_${randomBytes(32).toString("base64url")}`;
  const psychiatristToken = `svd_${randomBytes(32).toString("base64url")}`;
  try {
    await owner.connect();
    await sqlClient.connect();
    const targets = await findTargets(owner, today);
    for (const [user, secret] of [
      [targets.careManager.id, token],
      [targets.psychiatrist.id, psychiatristToken],
    ])
      await owner.query(
        `INSERT INTO api_token (id, user_id, name, token_hash, created_at, expires_at)
         VALUES (gen_random_uuid(), $1, 'samvard-bench', $2, now(), now() + interval '1 day')`,
        [user, createHash("sha256").update(secret!).digest("hex")],
      );
    console.log(`${scale.name}: ${JSON.stringify(db.counts)} (anchor ${db.generated.anchor}, ${db.where})`);
    // As the launcher does at every start: today's evaluation of every open episode, stored.
    const refresher = createPrismaClient(db.appUrl, 2);
    const t0 = performance.now();
    const refreshed = await refreshSummaries(refresher, today);
    await refresher.$disconnect();
    refresh = { episodes: refreshed, ms: performance.now() - t0 };
    console.log(
      `daily refresh: ${refreshed} open episodes evaluated and stored in ${refresh.ms.toFixed(0)} ms`,
    );
    app = await startApp({ appUrl: db.appUrl, nodeOptions });
    const cookies = {
      careManager: await login(app.url, targets.careManager.username, BENCH_PASSWORD),
      gp: await login(app.url, targets.gp.username, BENCH_PASSWORD),
      psychiatrist: await login(app.url, targets.psychiatrist.username, BENCH_PASSWORD),
      chef: await login(app.url, targets.chef.username, BENCH_PASSWORD),
    };
    const credentials = (s: Scenario): Record<string, string> =>
      s.who === "apiToken"
        ? { authorization: `Bearer ${token}` }
        : s.who === "psychiatristApiToken"
          ? { authorization: `Bearer ${psychiatristToken}` }
          : { cookie: cookies[s.who] };
    const all = scenarios(targets);
    // Warm up, and refuse to measure a route that does not answer 2xx.
    for (const s of all) {
      for (let i = 0; i < 5; i++) {
        const res = await fetch(app.url + s.path, {
          method: s.method,
          redirect: "manual",
          headers: { ...credentials(s), ...(s.body ? { "content-type": "application/json" } : {}) },
          ...(s.body ? { body: s.body() } : {}),
        });
        if (!res.ok)
          throw new Error(
            `${s.label}: ${s.path} answered ${res.status}: ${(await res.text()).slice(0, 300)}`,
          );
        await res.arrayBuffer();
      }
    }
    await run({ db, owner, sqlClient, app, targets, all, cookies, credentials, refresh });
  } finally {
    await app?.stop();
    await owner.query("DELETE FROM contact WHERE note = $1", [BENCH_NOTE]).catch(() => undefined);
    await owner.query("DELETE FROM api_token WHERE name = 'samvard-bench'").catch(() => undefined);
    await sqlClient.end().catch(() => undefined);
    await owner.end().catch(() => undefined);
    await db.stop();
  }
}
