// `npm run bench [-- region|nation]`: the app at region (or nation) scale over
// HTTP, as its users work, beside the hand-written SQL of each page.
//
// 1. Opens the benchmark's database (.bench/<scale>/, or DATABASE_URL with
//    MIGRATE_DATABASE_URL), generating it on first use (see scale/generate.ts).
// 2. Starts the production build on it and logs in a care manager, a GP, the
//    psychiatrist of ten units and a head of unit; makes an API token.
// 3. Times each route's SQL (median of 30, the app's role, warm).
// 4. 50 users working: Poisson arrivals, 10 requests/s over all routes, for BENCH_SECONDS (120).
// 5. Saturation: 50 requests in flight on each route for BENCH_SATURATION_SECONDS (10).
// 6. Each page's client JavaScript in Chromium.
// 7. Prints the figures and the plans of the SQL, and writes them with the
//    machine and the date into docs/benchmarks.md.
// The benchmark's own calls are removed afterwards; its log rows stay (the log is append-only).
import fs from "node:fs";
import os from "node:os";
import { performance } from "node:perf_hooks";
import type pg from "pg";
import type { SCALES } from "./scale/generate";
import { workerCount } from "@/cli/workers";
import { parseEnv } from "@/lib/env";
import { withBenchApp } from "./http/harness";
import type { Scenario, Targets } from "./http/scenarios";
import { saturation, working, type Figures } from "./http/load";
import { clientJavaScript, type PageJs } from "./http/client-js";
import { printPlan } from "./support";

const SECONDS = Number(process.env.BENCH_SECONDS ?? 120);
const SATURATION_SECONDS = Number(process.env.BENCH_SATURATION_SECONDS ?? 10);
const RATE = 10;
const USERS = 50;
const IN_FLIGHT = 50;

const ms = (n: number) => (Number.isFinite(n) ? (n < 10 ? n.toFixed(1) : n.toFixed(0)) : "–");

/** Median of `runs` timings of a statement on one connection of the app's role (a write rolled back). */
async function timeSql(client: pg.Client, s: Scenario, runs = 30): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < runs + 3; i++) {
    if (s.sql.write) await client.query("BEGIN");
    const t = performance.now();
    await client.query(s.sql.text, s.sql.values);
    if (i >= 3) times.push(performance.now() - t);
    if (s.sql.write) await client.query("ROLLBACK");
  }
  return times.sort((a, b) => a - b)[Math.floor(times.length / 2)]!;
}

async function main() {
  const name = (process.argv[2] ?? "region") as keyof typeof SCALES;
  await withBenchApp(
    name,
    {},
    async ({ app, all, credentials, cookies, db, owner, sqlClient, refresh, targets }) => {
      console.log("\nSQL, median of 30 (app role, warm):");
      const sql = new Map<string, number>();
      for (const s of all) {
        sql.set(s.key, await timeSql(sqlClient, s));
        console.log(`  ${s.label}: ${ms(sql.get(s.key)!)} ms`);
      }

      console.log(
        `\n${USERS} users working: Poisson arrivals, ${RATE} requests/s over ${all.length} routes, ${SECONDS} s…`,
      );
      const work = await working(app.url, all, credentials, { rate: RATE, seconds: SECONDS });

      console.log(`\nSaturation, ${IN_FLIGHT} in flight, ${SATURATION_SECONDS} s per route…`);
      const saturated = new Map<string, Figures>();
      for (const s of all) {
        saturated.set(
          s.key,
          await saturation(app.url, s, credentials, { inFlight: IN_FLIGHT, seconds: SATURATION_SECONDS }),
        );
        console.log(`  ${s.label}: ${saturated.get(s.key)!.throughput.toFixed(1)} req/s`);
      }

      const pages = all.filter((s) => !s.path.startsWith("/api/"));
      const js = await clientJavaScript(app.url, [
        ...pages.map((s) => ({ key: s.key, path: s.path, cookie: cookies[s.who as keyof typeof cookies] })),
        // The pages with the most browser code: the forms.
        ...FORM_PAGES(targets).map((f) => ({ key: f.label, path: f.path, cookie: cookies[f.who] })),
      ]);

      const table = report(all, { sql, work, saturated, js });
      const forms = formTable(targets, js);
      console.log(`\n${table}\n\n${forms}`);
      for (const s of all)
        await printPlan(sqlClient, s.label, s.sql.text, s.sql.values).catch(() => undefined);

      const pgVersion = (await owner.query<{ v: string }>("SELECT current_setting('server_version') AS v"))
        .rows[0]!.v;
      writeDocs(db.generated.scale, {
        table: `${table}\n\n${forms}`,
        machine: `${os.cpus().length} × ${os.cpus()[0]?.model ?? "CPU"}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GB RAM, ${os.type()} ${os.release()}; Node ${process.version}; PostgreSQL ${pgVersion} (${db.where === "DATABASE_URL" ? "DATABASE_URL" : "embedded; default settings but no parallel workers and no JIT, set on the database by every migrate"}); load generator on the same machine; the app with ${workerCount(parseEnv().SAMVARD_WORKERS, os.availableParallelism())} web processes (SAMVARD_WORKERS)`,
        data: `${Object.entries(db.counts)
          .map(([k, v]) => `${k} ${v.toLocaleString("sv-SE")}`)
          .join(", ")} (seed ${db.generated.seed}, anchor ${db.generated.anchor})`,
        date: new Date().toISOString().slice(0, 16).replace("T", " ") + " UTC",
        refresh: `${refresh.episodes} open episodes in ${(refresh.ms / 1000).toFixed(1)} s`,
        model: `working: ${USERS} users, a request every ${USERS / RATE} s each on average (Poisson arrivals, ${RATE}/s in all, routes drawn at random), ${SECONDS} s; saturation: ${IN_FLIGHT} in flight per route, ${SATURATION_SECONDS} s`,
      });
    },
  );
}

type Results = {
  sql: Map<string, number>;
  work: Map<string, Figures>;
  saturated: Map<string, Figures>;
  js: Map<string, PageJs>;
};

/** Pages outside the load model whose browser code the budget covers too. */
const FORM_PAGES = (t: Targets) =>
  [
    { label: "Start page (vårdsamordnare)", who: "careManager", path: "/" },
    { label: "Registrera kontakt", who: "careManager", path: `/insatser/${t.contactEpisodeIds[0]}/kontakt` },
    { label: "Skriv in patient", who: "careManager", path: "/patienter/ny" },
    { label: "Konsultbesök, a visit", who: "psychiatrist", path: `/konsultbesok/${t.visitId}` },
    { label: "Inställningar", who: "chef", path: "/installningar" },
    { label: "Användare", who: "chef", path: "/installningar/anvandare" },
  ] as const;

function formTable(t: Targets, js: Map<string, PageJs>): string {
  return [
    "| Page (not under load) | JS gzip |",
    "| --- | --: |",
    ...FORM_PAGES(t).map((f) => `| ${f.label} | ${kib(js.get(f.label)!)} |`),
  ].join("\n");
}

/** Gzipped JavaScript in KiB (1 024 bytes), the unit of the 150 kB budget. */
const kib = (j: PageJs) => `${(j.gzip / 1024).toFixed(0)} KiB`;

function report(all: Scenario[], r: Results): string {
  const head =
    "| Route | p95 budget | p50 | p95 | p99 | errors | SQL | p50 ÷ SQL | saturation req/s | sat. p95 | sat. errors | JS gzip |\n" +
    "| --- | --: | --: | --: | --: | --: | --: | --: | --: | --: | --: | --: |";
  const rows = all.map((s) => {
    const w = r.work.get(s.key)!;
    const sat = r.saturated.get(s.key)!;
    const sql = r.sql.get(s.key)!;
    const js = r.js.get(s.key);
    const over = w.p95 > s.budgetMs ? " ✗" : " ✓";
    return `| ${s.label} | ${s.budgetMs} ms | ${ms(w.p50)} | ${ms(w.p95)}${over} | ${ms(w.p99)} | ${w.errors}/${w.requests} | ${ms(sql)} | ${(w.p50 / sql).toFixed(1)}× | ${sat.throughput.toFixed(1)} | ${ms(sat.p95)} | ${sat.errors}/${sat.requests} | ${js ? kib(js) : "–"} |`;
  });
  return [head, ...rows].join("\n");
}

function writeDocs(
  scale: string,
  f: { table: string; machine: string; data: string; date: string; model: string; refresh: string },
) {
  const file = "docs/benchmarks.md";
  const begin = `<!-- bench:${scale}:begin -->`;
  const end = `<!-- bench:${scale}:end -->`;
  const section = [
    begin,
    `Measured ${f.date} by \`npm run bench -- ${scale}\`.`,
    "",
    `- Machine: ${f.machine}`,
    `- Data: ${f.data}`,
    `- Load: ${f.model}`,
    `- Daily refresh of the stored evaluations (at start, as the launcher does): ${f.refresh}`,
    "",
    "Times in ms. p50/p95/p99 and errors at 50 working users; SQL: the hand-written query's median; saturation: 50 in flight.",
    "",
    f.table,
    end,
  ].join("\n");
  const text = fs.existsSync(file) ? fs.readFileSync(file, "utf8") : "# Benchmarks\n";
  const next = text.includes(begin)
    ? text.slice(0, text.indexOf(begin)) + section + text.slice(text.indexOf(end) + end.length)
    : `${text.trimEnd()}\n\n## Latest run: ${scale}\n\n${section}\n`;
  fs.writeFileSync(file, next);
  console.log(`\nWritten to ${file}.`);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
