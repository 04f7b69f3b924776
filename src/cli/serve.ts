// `next start`, with the guard of http-server.ts in front. Run by the
// launcher (src/cli/start.ts) with NODE_ENV=production; PORT and HOST as there.
//
// One web process per core (SAMVARD_WORKERS, default: the cores, at most four):
// Node runs a request's JavaScript on one thread, so in a single process one
// long page (the Konsultlista of ten units) holds up every request behind it.
// The primary process only forks the workers, hands them connections in turn
// (node:cluster) and passes on a stop; a worker that dies stops them all, and
// the launcher reports it.
import cluster from "node:cluster";
import { availableParallelism } from "node:os";
import next from "next";
import { parseEnv } from "@/lib/env";
import { guardedServer } from "./http-server";
import { workerCount } from "./workers";
import { routeConsoleToLog } from "@/lib/log";

// Every line the server writes is a JSON object, scrubbed (src/lib/log.ts).
routeConsoleToLog();
// Requests reach Next.js only through guardedServer, which writes the peer's
// address into its header: rate limits may trust it in this process.
process.env.SAMVARD_PEER_HEADER = "1";

async function serveHere() {
  const port = Number(process.env.PORT ?? 3000);
  const hostname = process.env.HOST || undefined;
  const app = next({ dev: false, dir: process.cwd(), port, hostname: hostname ?? "localhost" });
  await app.prepare();
  const handle = app.getRequestHandler();
  const server = guardedServer((req, res) => handle(req, res));
  server.listen(port, hostname, () => {
    if (cluster.isPrimary) console.log(`▲ Next.js ready on http://${hostname ?? "localhost"}:${port}`);
    else process.send?.("ready");
  });
  const stop = () => {
    server.close(() => process.exit(0));
    // Keep-alive connections would hold close() open; a stop is a stop.
    server.closeIdleConnections();
    setTimeout(() => process.exit(0), 5_000).unref();
  };
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
}

function fork(count: number) {
  let ready = 0;
  let exited = 0;
  let stopping = false;
  for (let i = 0; i < count; i++) {
    const worker = cluster.fork();
    worker.on("message", (m) => {
      if (m === "ready" && ++ready === count) {
        const host = process.env.HOST || "localhost";
        console.log(
          `▲ Next.js ready on http://${host}:${process.env.PORT ?? 3000} (${count} worker processes)`,
        );
      }
    });
  }
  const stopAll = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    for (const w of Object.values(cluster.workers ?? {})) w?.process.kill(signal);
    // A worker that does not stop in time is killed: a stop is a stop.
    setTimeout(() => {
      for (const w of Object.values(cluster.workers ?? {})) w?.process.kill("SIGKILL");
    }, 8_000).unref();
  };
  cluster.on("exit", (worker, code, signal) => {
    if (!stopping) {
      console.error(`[serve] worker ${worker.process.pid} exited (${signal ?? code}); stopping.`);
      process.exitCode = 1;
      stopAll("SIGTERM");
    }
    if (++exited === count) process.exit();
  });
  process.on("SIGTERM", () => stopAll("SIGTERM"));
  process.on("SIGINT", () => stopAll("SIGINT"));
}

const count = workerCount(parseEnv().SAMVARD_WORKERS, availableParallelism());
if (cluster.isPrimary && count > 1) fork(count);
else
  serveHere().catch((e: unknown) => {
    console.error(e);
    process.exit(1);
  });
