// `next start`, with the guard of http-server.ts in front. Run by the
// launcher (src/cli/start.ts) with NODE_ENV=production; PORT and HOST as there.
import next from "next";
import { guardedServer } from "./http-server";

async function main() {
  const port = Number(process.env.PORT ?? 3000);
  const hostname = process.env.HOST || undefined;
  const app = next({ dev: false, dir: process.cwd(), port, hostname: hostname ?? "localhost" });
  await app.prepare();
  const handle = app.getRequestHandler();
  const server = guardedServer((req, res) => handle(req, res));
  server.listen(port, hostname, () =>
    console.log(`▲ Next.js ready on http://${hostname ?? "localhost"}:${port}`),
  );
  const stop = () => {
    server.close(() => process.exit(0));
    // Keep-alive connections would hold close() open; a stop is a stop.
    server.closeIdleConnections();
    setTimeout(() => process.exit(0), 5_000).unref();
  };
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
