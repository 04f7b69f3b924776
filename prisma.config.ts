// Prisma CLI configuration.
//
// Migrations run as the database's owning role: MIGRATE_DATABASE_URL when set
// (production: the app's DATABASE_URL is a non-owner role), else DATABASE_URL,
// else the embedded demo cluster under .data/ (start it with `npm start` or
// `npm run db:up`).
//
// Prisma 7's CLI downloads a native schema engine, which these machines (and
// many hospital networks) cannot reach. Unless PRISMA_NATIVE_ENGINE=1, the CLI
// is pointed at prisma/engine/schema-engine.mjs, which speaks the native
// engine's protocol and runs Prisma's own engine compiled to WebAssembly.
import path from "node:path";
import { defineConfig } from "prisma/config";
import "./src/cli/load-env";
import { ownerUrl, readClusterConfig } from "./src/lib/db/embedded-config";

if (process.env.PRISMA_NATIVE_ENGINE !== "1" && !process.env.PRISMA_SCHEMA_ENGINE_BINARY) {
  process.env.PRISMA_SCHEMA_ENGINE_BINARY = path.resolve("prisma", "engine", "schema-engine.mjs");
}

function migrationUrl(): string {
  const explicit = process.env.MIGRATE_DATABASE_URL || process.env.DATABASE_URL;
  if (explicit) return explicit;
  const cluster = readClusterConfig();
  // `prisma generate` needs no database: give it a syntactically valid URL.
  return cluster ? ownerUrl(cluster) : "postgresql://localhost:5432/samvard-not-configured";
}

export default defineConfig({
  schema: path.join("prisma", "schema.prisma"),
  migrations: {
    path: path.join("prisma", "migrations"),
    seed: "node --import tsx --conditions=react-server prisma/seed.ts",
  },
  datasource: {
    url: migrationUrl(),
    ...(process.env.SHADOW_DATABASE_URL ? { shadowDatabaseUrl: process.env.SHADOW_DATABASE_URL } : {}),
  },
});
