// The HTTP server of `npm start`: Next.js's own request handler (its
// documented custom-server API) behind one guard. Next.js builds a WHATWG
// Request for every request, and undici refuses some methods (TRACE): Next.js
// then answers 500 before any of our code runs. Such methods get 405 here.
import http from "node:http";
import { ALLOW_HEADER, isAllowedMethod } from "@/modules/auth/rules/request-guards";
import { baseHeaders } from "@/modules/auth/rules/security-headers";
import { PEER_HEADER } from "@/lib/request-id";

/** What every answer of this guard carries (as the proxy's do). */
const guardHeaders = () => baseHeaders(process.env.NEXTAUTH_URL);

type Handler = (req: http.IncomingMessage, res: http.ServerResponse) => Promise<void> | void;

export function guardedServer(handle: Handler): http.Server {
  return http.createServer((req, res) => {
    if (!isAllowedMethod(req.method ?? "")) {
      res.writeHead(405, {
        ...guardHeaders(),
        Allow: ALLOW_HEADER,
        "Content-Type": "text/plain; charset=utf-8",
        "Cache-Control": "no-store",
      });
      res.end("Method Not Allowed\n");
      return;
    }
    // The connection's own peer, for rate limits without a trusted proxy (src/lib/rate-limit.ts).
    req.headers[PEER_HEADER] = req.socket.remoteAddress ?? "";
    Promise.resolve(handle(req, res)).catch((error: unknown) => {
      console.error("[http]", error);
      if (!res.headersSent)
        res.writeHead(500, {
          ...guardHeaders(),
          "Content-Type": "text/plain; charset=utf-8",
        });
      res.end();
    });
  });
}
