// The app-role URL CLI commands use: DATABASE_URL, else the embedded cluster.
import { appUrl, readClusterConfig } from "@/lib/db/embedded-config";

export function cliDatabaseUrl(): string {
  if (process.env.DATABASE_URL) return process.env.DATABASE_URL;
  const cluster = readClusterConfig();
  if (!cluster)
    throw new Error(
      "No DATABASE_URL and no embedded database in .data/: run `npm start` (or `npm run db:up`) once first.",
    );
  return appUrl(cluster);
}
