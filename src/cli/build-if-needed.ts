// `npm start` builds only when the sources are newer than the last build.
import { spawn, type ChildProcess } from "node:child_process";
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

/** Runs a node_modules/.bin command; `track` lets the caller kill it on a signal. */
function run(
  cmd: string,
  args: string[],
  track: (child: ChildProcess | undefined) => void,
  root: string,
): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(path.join(root, "node_modules", ".bin", cmd), args, {
      cwd: root,
      stdio: "inherit",
      env: process.env,
    });
    track(child);
    child.once("error", reject);
    child.once("exit", (code, signal) => {
      track(undefined);
      if (code === 0) resolve();
      else reject(new Error(`${cmd} ${args.join(" ")} failed (${signal ?? `exit ${code}`})`));
    });
  });
}

export async function buildIfNeeded(
  log: (m: string) => void,
  track: (child: ChildProcess | undefined) => void,
  root = process.cwd(),
): Promise<void> {
  const client = path.join(root, "src", "generated", "prisma", "client.ts");
  const schema = path.join(root, "prisma", "schema.prisma");
  if (!fs.existsSync(client) || fs.statSync(schema).mtimeMs > fs.statSync(client).mtimeMs) {
    await run("prisma", ["generate"], track, root);
  }
  if (!needsBuild(root)) return;
  log("Building the app (first start or changed sources)…");
  await run("next", ["build"], track, root);
}
