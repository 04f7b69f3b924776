// The benchmark's database: any server given by DATABASE_URL (the app's role)
// and MIGRATE_DATABASE_URL (the owner), or an embedded PostgreSQL kept in
// .bench/<scale>/ between runs (a region takes minutes to make, so it is made
// once). Either way migrated and granted as in production, and filled by the
// generator when it is empty. What was generated is written on the unit
// table as a comment, so a later run knows the scale, seed and anchor date.
import path from "node:path";
import pg from "pg";
import { appUrl, ownerUrl } from "@/lib/db/embedded-config";
import { freePort, startEmbedded } from "@/lib/db/embedded";
import { migrateAndGrant } from "@/lib/db/migrate";
import { hashPassword } from "@/modules/auth/lib/password";
import { BENCH_PASSWORD, countRows, generate, type Scale } from "./generate";

export type BenchDatabase = {
  appUrl: string;
  ownerUrl: string;
  /** What the database holds: the generator's scale, seed and anchor date. */
  generated: { scale: string; seed: number; anchor: string };
  counts: Record<string, number>;
  where: string;
  stop: () => Promise<void>;
};

const MARK = "samvard-bench";

async function readMark(owner: pg.Client): Promise<BenchDatabase["generated"] | undefined> {
  const { rows } = await owner.query<{ c: string | null }>(
    "SELECT obj_description('unit'::regclass, 'pg_class') AS c",
  );
  const c = rows[0]?.c;
  if (!c?.startsWith(`${MARK} `)) return undefined;
  return JSON.parse(c.slice(MARK.length + 1)) as BenchDatabase["generated"];
}

/** Opens (and on first use makes and fills) the benchmark's database for `scale`. */
export async function openBenchDatabase(
  scale: Scale,
  { anchor, log = console.log }: { anchor: string; log?: (m: string) => void },
): Promise<BenchDatabase> {
  let urls: { appUrl: string; ownerUrl: string };
  let stop = async () => {};
  let where: string;
  if (process.env.DATABASE_URL) {
    const owner = process.env.MIGRATE_DATABASE_URL;
    if (!owner) throw new Error("With DATABASE_URL, set MIGRATE_DATABASE_URL to the schema owner's URL too.");
    urls = { appUrl: process.env.DATABASE_URL, ownerUrl: owner };
    where = "DATABASE_URL";
  } else {
    const dir = path.resolve(".bench", scale.name);
    const cluster = await startEmbedded({
      dir,
      port: Number(process.env.BENCH_PG_PORT ?? (await freePort())),
    });
    urls = { appUrl: appUrl(cluster.config), ownerUrl: ownerUrl(cluster.config) };
    stop = cluster.stop;
    where = `embedded PostgreSQL in ${path.relative(process.cwd(), dir)}/`;
  }
  try {
    await migrateAndGrant(urls);
    const owner = new pg.Client({ connectionString: urls.ownerUrl });
    await owner.connect();
    try {
      let generated = await readMark(owner);
      if (!generated) {
        log(`Generating the ${scale.name} (seed ${scale.seed}, anchor ${anchor}) in ${where}…`);
        const result = await generate(owner, scale, {
          anchor,
          passwordHash: await hashPassword(BENCH_PASSWORD),
          log,
        });
        log(`Generated in ${result.seconds.toFixed(0)} s.`);
        generated = { scale: scale.name, seed: scale.seed, anchor };
        await owner.query(`COMMENT ON TABLE unit IS '${MARK} ${JSON.stringify(generated)}'`);
      } else if (generated.scale !== scale.name) {
        throw new Error(`${where} holds the ${generated.scale}, not the ${scale.name}.`);
      }
      return { ...urls, generated, counts: await countRows(owner), where, stop };
    } finally {
      await owner.end();
    }
  } catch (e) {
    await stop();
    throw e;
  }
}
