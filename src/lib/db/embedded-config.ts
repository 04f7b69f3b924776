// The embedded (demo) PostgreSQL cluster's settings, kept in .data/cluster.json
// (mode 0600). Shared by the launcher, prisma.config.ts, the seed and the CLI
// commands so that each can find the demo database without configuration.
// No "server-only" here: prisma.config.ts and Node scripts load this file.
import fs from "node:fs";
import path from "node:path";

export const DATABASE_NAME = "samvard";
export const OWNER_ROLE = "samvard_owner";
export const APP_ROLE = "samvard_app";

export type ClusterConfig = {
  port: number;
  superuserPassword: string;
  ownerPassword: string;
  appPassword: string;
};

export const dataDir = (root = process.cwd()): string =>
  path.resolve(root, process.env.SAMVARD_DATA_DIR ?? ".data");

export const clusterConfigPath = (dir = dataDir()): string => path.join(dir, "cluster.json");

export function readClusterConfig(dir = dataDir()): ClusterConfig | undefined {
  try {
    return JSON.parse(fs.readFileSync(clusterConfigPath(dir), "utf8")) as ClusterConfig;
  } catch {
    return undefined;
  }
}

const url = (user: string, password: string, port: number, db = DATABASE_NAME): string =>
  `postgresql://${user}:${encodeURIComponent(password)}@127.0.0.1:${port}/${db}`;

export const ownerUrl = (c: ClusterConfig): string => url(OWNER_ROLE, c.ownerPassword, c.port);
export const appUrl = (c: ClusterConfig): string => url(APP_ROLE, c.appPassword, c.port);
export const superuserUrl = (c: ClusterConfig, db = "postgres"): string =>
  url("postgres", c.superuserPassword, c.port, db);
