// Makes (or opens) the benchmark's region or nation and prints what it holds.
// Run: npm run bench:generate -- region|nation|tiny   (DATABASE_URL and
// MIGRATE_DATABASE_URL for a server of your own; else .bench/<scale>/)
import pg from "pg";
import { todayInStockholm } from "@/lib/dates";
import { SCALES } from "./scale/generate";
import { openBenchDatabase } from "./scale/bench-db";

async function main() {
  const name = (process.argv[2] ?? "region") as keyof typeof SCALES;
  const scale = SCALES[name];
  if (!scale) throw new Error(`Unknown scale "${name}": one of ${Object.keys(SCALES).join(", ")}.`);
  const db = await openBenchDatabase(scale, { anchor: process.env.BENCH_ANCHOR ?? todayInStockholm() });
  try {
    const owner = new pg.Client({ connectionString: db.ownerUrl });
    await owner.connect();
    const { rows } = await owner.query<{ table: string; size: string }>(
      `SELECT coalesce(pi.parentrelid::regclass::text, c.relname) AS table,
              pg_size_pretty(sum(pg_total_relation_size(c.oid))) AS size
       FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
       LEFT JOIN LATERAL (SELECT parentrelid FROM pg_partition_tree('access_log') WHERE relid = c.oid) pi ON true
       WHERE c.relkind = 'r' AND n.nspname IN ('public', 'access_log_parts')
       GROUP BY 1 ORDER BY sum(pg_total_relation_size(c.oid)) DESC LIMIT 8`,
    );
    const total = await owner.query<{ size: string }>(
      "SELECT pg_size_pretty(pg_database_size(current_database())) AS size",
    );
    await owner.end();
    console.log(`${scale.name} in ${db.where}, anchor ${db.generated.anchor}, seed ${db.generated.seed}`);
    console.log(JSON.stringify(db.counts));
    console.log(`on disk ${total.rows[0]!.size}: ${rows.map((r) => `${r.table} ${r.size}`).join(", ")}`);
  } finally {
    await db.stop();
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
