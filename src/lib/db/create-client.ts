// A Prisma Client for a given URL. No "server-only": the launcher, the seed and
// CLI commands use it too. The app itself goes through the one client of client.ts.
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/generated/prisma/client";

export const createPrismaClient = (connectionString: string, max = 10): PrismaClient =>
  new PrismaClient({
    // A health probe or a request must not hang on a database that drops packets.
    adapter: new PrismaPg({
      connectionString,
      max,
      connectionTimeoutMillis: 5_000,
      idleTimeoutMillis: 30_000,
      // The app's statements are short reads and writes of a few units' rows. A
      // parallel plan starts worker processes that cost more than they save at
      // that size and take the cores other requests need (the Konsultlista's
      // candidates: 14.7 ms parallel, 6.9 ms not, on the region); JIT compiles
      // for tens of milliseconds to save less. Set per session, whatever the
      // server's defaults (docs/benchmarks.md).
      options: "-c max_parallel_workers_per_gather=0 -c jit=off",
    }),
  });
