#!/usr/bin/env node
// Stand-in for Prisma's native `schema-engine` binary, which the prisma CLI
// downloads on first use (impossible offline). prisma.config.ts points
// PRISMA_SCHEMA_ENGINE_BINARY here; this script speaks the binary's command
// line and JSON-RPC protocol and runs Prisma's own schema engine, compiled to
// WebAssembly (@prisma/schema-engine-wasm), on PostgreSQL through adapter-pg.
// Background and the adapter defects worked around: /work/shared/docs/prisma-offline.md
//
// Invocations used by prisma 7.10 (build/cli.js):
//   schema-engine --version
//   schema-engine --datasource '{"url":…}' cli can-connect-to-database|create-database|drop-database
//   schema-engine [--datamodels <file>…] --datasource '{"url":…,"shadowDatabaseUrl":…}'  (JSON-RPC on stdin/stdout)
import fs from "node:fs";
import { parseArgs } from "node:util";
import { createEngine, runOnServer, wasmVersion } from "./wasm-engine.mjs";
import { serve, toErrorData } from "./protocol.mjs";

const { values: args, positionals } = parseArgs({
  options: {
    datamodels: { type: "string", multiple: true },
    datasource: { type: "string" },
    // Accepted for compatibility; the WASM engine has no use for them.
    "enabled-preview-features": { type: "string" },
    "extension-types": { type: "string" },
    version: { type: "boolean", short: "V" },
  },
  allowPositionals: true,
  strict: false,
});

const datasource = args.datasource ? JSON.parse(args.datasource) : undefined;

// Engine logs go to stderr as JSON lines, like the native engine's: the CLI
// keeps the last ERROR line for its crash messages.
const log = (line) => process.stderr.write(`${String(line).trim()}\n`);
const logEntry = (level, message, extra) =>
  JSON.stringify({
    timestamp: new Date().toISOString(),
    level,
    fields: { message, ...extra },
    target: "schema_engine::logger",
  });

// Node's own warnings (e.g. pg-connection-string's about sslmode) would be
// plain text on stderr, which the CLI fails to parse in one-shot mode.
process.removeAllListeners("warning");
process.on("warning", (warning) => log(logEntry("WARN", warning.message)));

const open = () => {
  if (!datasource?.url) throw new Error("No datasource URL was given to the schema engine (--datasource).");
  const datamodels = args.datamodels?.map((file) => [file, fs.readFileSync(file, "utf8")]);
  return createEngine({ datamodels, datasource, log });
};

// One-shot mode: exit 0 on success. On failure the CLI skips the first stderr
// line and parses the rest as JSON log lines, looking for the ERROR from
// `schema_engine::logger` with `fields.error_code` (P1003 → offer to create).
async function runCli(command) {
  try {
    if (command === "can-connect-to-database") {
      const { engine } = await open(); // connects eagerly
      await engine.version();
    } else if (command === "create-database") {
      await runOnServer(datasource.url, "CREATE DATABASE");
    } else if (command === "drop-database") {
      await runOnServer(datasource.url, "DROP DATABASE");
    } else {
      throw new Error(`Unknown cli command: ${command}`);
    }
    process.exit(0);
  } catch (error) {
    const { message, error_code } = toErrorData(error);
    // No trailing newline: the CLI parses every line after the first.
    process.stderr.write(
      `${logEntry("INFO", `cli ${command}`)}\n${logEntry("ERROR", message, { error_code })}`,
    );
    process.exit(1);
  }
}

if (args.version) {
  console.log(`schema-engine-cli ${wasmVersion()} (WebAssembly)`);
} else if (positionals[0] === "cli") {
  await runCli(positionals[1]);
} else {
  serve({ open });
}
