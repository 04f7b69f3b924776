// `npm start` builds only when the sources are newer than the last build.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

const INPUTS = [
  "src",
  "public",
  "prisma/schema.prisma",
  "next.config.ts",
  "postcss.config.mjs",
  "tsconfig.json",
  "package-lock.json",
];

function newestMtime(target: string): number {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(target);
  } catch {
    return 0;
  }
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of fs.readdirSync(target)) {
    if (entry === "generated") continue; // Prisma's generated client follows the schema
    newest = Math.max(newest, newestMtime(path.join(target, entry)));
  }
  return newest;
}

export function needsBuild(root = process.cwd()): boolean {
  const buildId = path.join(root, ".next", "BUILD_ID");
  if (!fs.existsSync(buildId)) return true;
  const built = fs.statSync(buildId).mtimeMs;
  return INPUTS.some((p) => newestMtime(path.join(root, p)) > built);
}

function run(cmd: string, args: string[], root: string) {
  const r = spawnSync(path.join(root, "node_modules", ".bin", cmd), args, {
    cwd: root,
    stdio: "inherit",
    env: process.env,
  });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(" ")} failed`);
}

export function ensureGenerated(root = process.cwd()): void {
  const client = path.join(root, "src", "generated", "prisma", "client.ts");
  const schema = path.join(root, "prisma", "schema.prisma");
  if (!fs.existsSync(client) || fs.statSync(schema).mtimeMs > fs.statSync(client).mtimeMs) {
    run("prisma", ["generate"], root);
  }
}

export function buildIfNeeded(log: (m: string) => void, root = process.cwd()): void {
  ensureGenerated(root);
  if (!needsBuild(root)) return;
  log("Building the app (first start or changed sources)…");
  run("next", ["build"], root);
}
