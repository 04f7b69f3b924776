// `npm run bench:profile -- [region|nation] [route key …]`: where a request's time goes.
// Runs the app under V8's sampling profiler (--cpu-prof) while each chosen
// route is saturated in turn, then sorts the samples' self time by what
// spends it: Next.js and React, next-auth, Prisma, the pg driver, the
// clinical core, the access log, the rest of the app, garbage collection.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { SCALES } from "./scale/generate";
import { withBenchApp } from "./http/harness";
import { saturation } from "./http/load";

type Node = {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
  children?: number[];
};
type Profile = { nodes: Node[]; samples: number[]; timeDeltas: number[]; startTime: number; endTime: number };

/** What a sampled frame belongs to, by its file and name. */
export function categoryOf(url: string, fn: string): string {
  if (fn === "(garbage collector)") return "garbage collection";
  if (fn === "(idle)" || fn === "(program)") return fn;
  const u = url.replaceAll("\\", "/");
  if (/node_modules\/(next-auth|jose|openid-client|@panva)|\/next-auth/.test(u))
    return "session (next-auth, jose)";
  if (/@prisma|prisma\/|generated\/prisma|query_compiler|query-compiler/.test(u)) return "Prisma";
  if (/node_modules\/pg(-[a-z]+)?\/|\/pg-protocol\/|pg-types|pg-pool/.test(u)) return "pg driver";
  if (/modules\/clinical\//.test(u)) return "clinical core";
  if (/modules\/audit\/|record-access/.test(u)) return "access log";
  if (/react-dom|react-server-dom|\/react\/|react\.production/.test(u)) return "React render";
  if (/node_modules\/next\/|next\/dist|\[turbopack\]|turbopack-runtime/.test(u)) return "Next.js";
  if (/^node:|^internal\//.test(u) || u === "") return "Node (http, streams, crypto)";
  if (/\.next\/server\/chunks/.test(u)) return "app (bundled)";
  if (/\/src\//.test(u)) return "app";
  return "other libraries";
}

export function summarizeProfile(p: Profile) {
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const self = new Map<number, number>();
  for (let i = 0; i < p.samples.length; i++) {
    const id = p.samples[i]!;
    self.set(id, (self.get(id) ?? 0) + (p.timeDeltas[i] ?? 0));
  }
  const categories = new Map<string, number>();
  const functions = new Map<string, number>();
  let total = 0;
  for (const [id, us] of self) {
    const n = byId.get(id)!;
    const cat = categoryOf(n.callFrame.url, n.callFrame.functionName);
    if (cat === "(idle)") continue;
    total += us;
    categories.set(cat, (categories.get(cat) ?? 0) + us);
    const fn = `${n.callFrame.functionName || "(anonymous)"} ${path.basename(n.callFrame.url)}:${n.callFrame.lineNumber + 1}`;
    functions.set(`${cat} | ${fn}`, (functions.get(`${cat} | ${fn}`) ?? 0) + us);
  }
  const sorted = (m: Map<string, number>) => [...m].sort((a, b) => b[1] - a[1]);
  return { total, categories: sorted(categories), functions: sorted(functions).slice(0, 200) };
}

/** Several processes' summaries as one: self time added up by part and by function. */
export function mergeSummaries(summaries: ReturnType<typeof summarizeProfile>[]) {
  const add = (into: Map<string, number>, from: [string, number][]) => {
    for (const [k, us] of from) into.set(k, (into.get(k) ?? 0) + us);
  };
  const categories = new Map<string, number>();
  const functions = new Map<string, number>();
  for (const s of summaries) {
    add(categories, s.categories);
    add(functions, s.functions);
  }
  const sorted = (m: Map<string, number>) => [...m].sort((a, b) => b[1] - a[1]);
  return {
    total: summaries.reduce((n, s) => n + s.total, 0),
    categories: sorted(categories),
    functions: sorted(functions).slice(0, 25),
  };
}

async function main() {
  const args = process.argv.slice(2);
  const name = (args.find((a) => a in SCALES) ?? "region") as keyof typeof SCALES;
  const only = args.filter((a) => !(a in SCALES));
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "samvard-profile-"));
  const seconds = Number(process.env.BENCH_SATURATION_SECONDS ?? 10);
  const chosen: string[] = [];
  const figures: string[] = [];
  await withBenchApp(
    name,
    { nodeOptions: ["--cpu-prof", `--cpu-prof-dir=${dir}`] },
    async ({ app, all, credentials }) => {
      for (const s of all.filter((x) => only.length === 0 || only.includes(x.key))) {
        const f = await saturation(app.url, s, credentials, { inFlight: 10, seconds });
        chosen.push(s.key);
        figures.push(`${s.label}: ${f.requests} requests, ${f.throughput.toFixed(1)} req/s, p50 ${f.p50} ms`);
      }
    },
  );
  // One profile per process: the launcher's primary and each web worker (serve.ts); all of them count.
  const files = fs.readdirSync(dir).filter((f) => f.endsWith(".cpuprofile"));
  if (files.length === 0) throw new Error(`No profile written in ${dir}.`);
  const summary = mergeSummaries(
    files.map((f) => summarizeProfile(JSON.parse(fs.readFileSync(path.join(dir, f), "utf8")) as Profile)),
  );
  console.log(`\nProfiled ${chosen.join(", ")} (${files.length} processes, ${dir}):`);
  for (const f of figures) console.log(`  ${f}`);
  console.log("\nSelf time by part (idle left out):");
  for (const [cat, us] of summary.categories)
    console.log(`  ${((100 * us) / summary.total).toFixed(1).padStart(5)} %  ${cat}`);
  console.log("\nTop functions by self time:");
  for (const [fn, us] of summary.functions)
    console.log(`  ${((100 * us) / summary.total).toFixed(1).padStart(5)} %  ${fn}`);
}

if (process.argv[1]?.endsWith("profile.bench.ts"))
  main().catch((e: unknown) => {
    console.error(e);
    process.exit(1);
  });
