// One launcher per data directory: a pid file created exclusively.
import fs from "node:fs";
import path from "node:path";

/** True when `pid` is a live Samvård command (not merely a process that reused the pid). */
function isOurLauncher(pid: number): boolean {
  try {
    return fs.readFileSync(`/proc/${pid}/cmdline`, "utf8").includes("src/cli/");
  } catch {
    return false;
  }
}

export class AlreadyRunningError extends Error {
  constructor(readonly pid: number) {
    super(`already running as pid ${pid}`);
  }
}

/** Takes the lock or throws AlreadyRunningError; a lock left by a dead process is taken over. */
export function acquireLock(dir: string): () => void {
  fs.mkdirSync(dir, { recursive: true, mode: 0o755 });
  const file = path.join(dir, "samvard.pid");
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(file, String(process.pid), { flag: "wx", mode: 0o644 });
      return () => {
        try {
          if (fs.readFileSync(file, "utf8") === String(process.pid)) fs.unlinkSync(file);
        } catch {
          /* already gone */
        }
      };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
      const pid = Number(fs.readFileSync(file, "utf8"));
      if (pid && pid !== process.pid && isOurLauncher(pid)) throw new AlreadyRunningError(pid);
      fs.rmSync(file, { force: true });
    }
  }
  throw new Error(`could not take the lock ${file}`);
}
