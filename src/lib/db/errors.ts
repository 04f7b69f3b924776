// Prisma errors the data layer translates into AppErrors. With adapter-pg a
// unique violation reports database column names, not Prisma field names, so
// callers re-query instead of reading `meta.target`.
import { Prisma } from "@/generated/prisma/client";

export const isUniqueViolation = (e: unknown): boolean =>
  e instanceof Prisma.PrismaClientKnownRequestError && e.code === "P2002";

/** Prisma's codes for a database it cannot reach or lost (P1001 unreachable, P1017 closed, P2024 pool timeout…). */
const UNAVAILABLE_PRISMA = new Set(["P1001", "P1002", "P1008", "P1017", "P2024"]);
/** The driver adapter's kinds for the same. */
const UNAVAILABLE_KINDS = new Set([
  "DatabaseNotReachable",
  "ConnectionClosed",
  "SocketTimeout",
  "TooManyConnections",
]);
/**
 * PostgreSQL's SQLSTATEs of a connection lost or refused (08000–08006, not
 * 08P01, a protocol violation an app bug causes), a server shutting down or
 * starting (57P01–57P03), and too many connections (53300).
 */
const UNAVAILABLE_SQLSTATE = /^(0800[0-46]|57P0[1-3]|53300)$/;
/** Socket errors count only inside a database error (any other socket is not the database). */
const UNAVAILABLE_SOCKET = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EPIPE"]);
/** node-postgres's and Prisma's own words for a lost or refused connection. */
const UNAVAILABLE_MESSAGE =
  /^(Connection terminated|Client has encountered a connection error and is not queryable|Can't reach database server|terminating connection due to administrator command|the database system is (?:starting up|shutting down|in recovery mode))/;

/**
 * The database is down, restarting or out of reach (not a fault of the
 * request): the API answers 503 and pages say so; a retry soon succeeds.
 * Follows Prisma's wrapping (meta.driverAdapterError), `cause` chains and
 * the pg driver's own errors. Narrow on purpose: a bug must stay a 500.
 */
export function isDatabaseUnavailable(e: unknown, depth = 0): boolean {
  if (!e || typeof e !== "object" || depth > 5) return false;
  const err = e as {
    code?: unknown;
    message?: unknown;
    kind?: unknown;
    originalCode?: unknown;
    cause?: unknown;
    meta?: { driverAdapterError?: unknown };
  };
  if (typeof err.code === "string") {
    if (UNAVAILABLE_PRISMA.has(err.code) || UNAVAILABLE_SQLSTATE.test(err.code)) return true;
    if (depth > 0 && UNAVAILABLE_SOCKET.has(err.code)) return true;
  }
  if (typeof err.kind === "string" && UNAVAILABLE_KINDS.has(err.kind)) return true;
  if (typeof err.originalCode === "string" && UNAVAILABLE_SQLSTATE.test(err.originalCode)) return true;
  if (typeof err.message === "string" && UNAVAILABLE_MESSAGE.test(err.message)) return true;
  return (
    isDatabaseUnavailable(err.meta?.driverAdapterError, depth + 1) ||
    isDatabaseUnavailable(err.cause, depth + 1)
  );
}
