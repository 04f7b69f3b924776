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
    }),
  });
