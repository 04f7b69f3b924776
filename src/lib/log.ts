// The server's log: one JSON object per line (pino), with the request id
// where there is one. Never patient data or credentials: errors are reduced
// to their type, code, a scrubbed message and their stack frames (a database
// error's `detail` can quote the row, e.g. "Key (personnummer)=(…)"), and
// anything that looks like a personnummer, a token or a bearer header is
// masked wherever it appears.
import pino from "pino";

const SCRUB: [RegExp, string][] = [
  // Personnummer and samordningsnummer, with or without century and separator.
  // Not inside a UUID or a longer number (a request id stays readable).
  [/(?<![\w-])(?:19|20)?\d{6}[-+]?\d{4}(?![\w-])/g, "[personnummer]"],
  // Samvård's API and self-report tokens, and any bearer credential.
  [/\bsvd_[A-Za-z0-9_-]+/g, "[token]"],
  [/\bBearer\s+\S+/gi, "Bearer [token]"],
  // Self-report links carry their token in the path.
  [/\/svar\/[A-Za-z0-9_-]+/g, "/svar/[token]"],
];

/** The text with personnummer, tokens and self-report links masked. */
export function scrub(text: string): string {
  return SCRUB.reduce((t, [re, by]) => t.replace(re, by), text);
}

/**
 * A database error's message without what it may quote: Prisma's validation
 * and unknown-request errors print the call's arguments (names, notes), so
 * only their type is kept; a known request error keeps its last line (the
 * reason, e.g. which constraint); a PostgreSQL error its first line; any
 * quoted value in them becomes "…". Null for other errors.
 */
function databaseSafeMessage(error: Error): string | null {
  const quoted = (line: string) => line.replace(/"[^"]*"/g, '"…"').replace(/'[^']*'/g, "'…'");
  if (/^PrismaClient(Validation|UnknownRequest|RustPanic|Initialization)Error$/.test(error.name))
    return "[Prisma's message is not logged: it may quote the call's data]";
  if (error.name === "PrismaClientKnownRequestError") {
    const lines = error.message
      .split("\n")
      .map((l) => l.trim())
      .filter(Boolean);
    return quoted(lines.at(-1) ?? "");
  }
  if (typeof (error as { severity?: unknown }).severity === "string" || error.name === "DriverAdapterError")
    return quoted(error.message.split("\n")[0] ?? "");
  return null;
}

type SafeError = { type: string; code?: string; message: string; stack?: string[]; cause?: SafeError };

/** An error as the log may hold it: no `detail`, `meta` or other fields that can quote data. */
export function safeError(error: unknown, depth = 0): SafeError {
  if (!(error instanceof Error)) return { type: typeof error, message: scrub(String(error)).slice(0, 500) };
  const code = (error as { code?: unknown }).code;
  const frames = (error.stack ?? "")
    .split("\n")
    .filter((l) => /^\s+at\s/.test(l))
    .slice(0, 15)
    .map((l) => scrub(l.trim()));
  return {
    type: error.name,
    ...(typeof code === "string" ? { code } : {}),
    message: scrub(databaseSafeMessage(error) ?? error.message).slice(0, 500),
    ...(frames.length ? { stack: frames } : {}),
    ...(error.cause && depth < 3 ? { cause: safeError(error.cause, depth + 1) } : {}),
  };
}

/** A logger writing JSON lines to `destination` (stdout by default). */
export function createLog(destination?: pino.DestinationStream) {
  return pino(
    {
      base: { service: "samvard", pid: process.pid },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      serializers: { err: safeError, error: safeError },
      redact: {
        paths: [
          "password",
          "*.password",
          "token",
          "*.token",
          "authorization",
          "*.authorization",
          "cookie",
          "*.cookie",
          "headers.authorization",
          "headers.cookie",
        ],
        censor: "[redacted]",
      },
      hooks: {
        // Every message string is scrubbed too: a message may quote what it is about.
        logMethod(args, method) {
          method.apply(
            this,
            args.map((a) => (typeof a === "string" ? scrub(a) : a)) as Parameters<typeof method>,
          );
        },
      },
    },
    destination,
  );
}

export const log = createLog();

/**
 * Routes console.* of this process (Next.js's own error reports, libraries)
 * through the log, so that every line the server writes is JSON and scrubbed.
 */
// Terminal colours in Next.js's own messages.
const ANSI = /\u001b\[[0-9;]*m/g;

export function routeConsoleToLog(): void {
  const write =
    (level: "info" | "warn" | "error") =>
    (...args: unknown[]) => {
      const err = args.find((a) => a instanceof Error);
      const text = args
        .filter((a) => !(a instanceof Error))
        .map((a) => (typeof a === "string" ? a : safeJson(a)))
        .join(" ")
        .replace(ANSI, "");
      if (err) log[level]({ err }, text || (err as Error).message);
      else log[level](text);
    };
  console.log = write("info");
  console.info = write("info");
  console.warn = write("warn");
  console.error = write("error");
}

function safeJson(value: unknown): string {
  try {
    return JSON.stringify(value)?.slice(0, 1000) ?? String(value);
  } catch {
    return String(value);
  }
}
