// The app as production runs it (src/cli/serve.ts, NODE_ENV=production) on the
// benchmark's database, and a logged-in session of each user the benchmark
// plays, through next-auth's credentials endpoint like the login form.
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { freePort } from "@/lib/db/embedded";
import { buildIfNeeded } from "@/cli/build-if-needed";

export type AppServer = { url: string; pid: number; stop: () => Promise<void> };

export async function startApp({
  appUrl,
  nodeOptions = [],
  log = console.log,
}: {
  appUrl: string;
  /** E.g. ["--cpu-prof", "--cpu-prof-dir=…"] to profile the server. */
  nodeOptions?: string[];
  log?: (m: string) => void;
}): Promise<AppServer> {
  await buildIfNeeded(log, () => {});
  const port = await freePort();
  const url = `http://localhost:${port}`;
  const { MIGRATE_DATABASE_URL: _m, SHADOW_DATABASE_URL: _s, ...env } = process.env;
  const child = spawn("node_modules/.bin/node", [...nodeOptions, "--import", "tsx", "src/cli/serve.ts"], {
    stdio: ["ignore", "ignore", "inherit"],
    env: {
      ...env,
      NODE_ENV: "production",
      PORT: String(port),
      DATABASE_URL: appUrl,
      NEXTAUTH_URL: url,
      NEXTAUTH_SECRET: randomBytes(48).toString("base64url"),
      SAMVARD_EXPORT_KEY: randomBytes(48).toString("base64url"),
      NEXT_TELEMETRY_DISABLED: "1",
      // The load generator is one client with one token per role: the per-token and
      // per-address limits would measure themselves, not the app.
      API_TOKEN_RATE_LIMIT: "10000000",
      LOGIN_RATE_LIMIT: "100000",
    },
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error("The app exited before it answered.");
    try {
      if ((await fetch(`${url}/api/health`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error("The app did not answer /api/health within 60 s.");
    await new Promise((r) => setTimeout(r, 250));
  }
  return {
    url,
    pid: child.pid!,
    stop: async () => {
      if (child.exitCode === null) child.kill("SIGTERM");
      await exited;
    },
  };
}

/** The cookie header of a fresh session of `username`. */
export async function login(url: string, username: string, password: string): Promise<string> {
  const jar = new Map<string, string>();
  const keep = (res: Response) => {
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(";");
      const i = pair!.indexOf("=");
      jar.set(pair!.slice(0, i), pair!.slice(i + 1));
    }
  };
  const cookie = () => [...jar].map(([k, v]) => `${k}=${v}`).join("; ");
  const csrf = await fetch(`${url}/api/auth/csrf`);
  keep(csrf);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const res = await fetch(`${url}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookie() },
    body: new URLSearchParams({ csrfToken, username, password, json: "true" }),
  });
  keep(res);
  if (![...jar.keys()].some((k) => k.endsWith("session-token")))
    throw new Error(`Login as ${username} failed (${res.status}).`);
  return cookie();
}
