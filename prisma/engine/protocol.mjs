// The native schema engine's JSON-RPC protocol (one JSON object per line on
// stdin/stdout), served by the WebAssembly engine. The CLI's request params are
// the WASM methods' inputs as they are; what differs is handled here.
import readline from "node:readline";
import { panic, unwrapExternal } from "./wasm-engine.mjs";

// The WASM engine's errors carry the native message but not its code, which
// the CLI shows ("Error: P3009 …"); restore it from the message.
const KNOWN_ERRORS = [
  ["P1000", /^Authentication failed against database server/],
  ["P1001", /^Can't reach database server/],
  ["P1002", /was reached but timed out/],
  ["P1003", /^Database `[^`]*` does not exist/],
  ["P1009", /^Database `[^`]*` already exists/],
  ["P1010", /^User `[^`]*` was denied access/],
  ["P1011", /^Error opening a TLS connection/],
  ["P1017", /^Server has closed the connection/],
  ["P3005", /^The database schema is not empty/],
  ["P3006", /failed to apply cleanly to the shadow database/],
  ["P3008", /is already recorded as applied in the database/],
  ["P3009", /^migrate found failed migrations/],
  ["P3011", /cannot be rolled back because it was never applied/],
  ["P3012", /cannot be rolled back because it is not in a failed state/],
  ["P3014", /^Prisma Migrate could not create the shadow database/],
  ["P3015", /^Could not find the migration file/],
  ["P3017", /^The migration .* could not be found/],
  ["P3018", /^A migration failed to apply/],
  ["P3019", /^The datasource provider `/],
  ["P4001", /^The introspected database was empty/],
];
const codeOf = (message) => KNOWN_ERRORS.find(([, re]) => re.test(message))?.[0];

/** Turn an engine rejection into the `error.data` the CLI reads: { message, error_code, is_panic }. */
export function toErrorData(error, { method, registry } = {}) {
  // A trap in the WASM module is a panic, as a crash of the native engine is.
  if (error instanceof WebAssembly.RuntimeError) {
    return { message: panic.message ?? String(error), is_panic: true };
  }
  const raw = String(unwrapExternal(error, registry)?.message ?? error);
  // Messages end with a span trace ("   0: sql_schema_connector::…"): drop it,
  // but keep the name of the migration that failed.
  const [text, trace = ""] = raw.split(/\n\s*0: /);
  let message = text.replaceAll("external connector error\n", "").trim();
  const migration = /migration_name="([^"]+)"/.exec(trace)?.[1];
  if (method === "applyMigrations" && migration && !codeOf(message)) {
    // The native engine's P3018 wording.
    message =
      "A migration failed to apply. New migrations cannot be applied before the error is recovered from. " +
      "Read more about how to resolve migration issues in a production database: https://pris.ly/d/migrate-resolve\n\n" +
      `Migration name: ${migration}\n\nDatabase error:\n${message}`;
  }
  return { message, error_code: codeOf(message), is_panic: false };
}

const SHADOW_MISSING = /shadow DB must be provided through an external factory/;

/**
 * Serve requests until stdin closes. `open()` resolves to { engine, registry }.
 * It runs on the first request, and again on the next one if it failed: the
 * native engine, too, reports connection errors per request.
 */
export function serve({ open }) {
  const write = (message) => process.stdout.write(`${JSON.stringify(message)}\n`);
  let current;
  let queue = Promise.resolve();
  let nextPrintId = 1;
  const pendingPrints = new Map();

  // `diff` does not return its output: the engine asks the CLI to print it
  // (so that `--output` can capture it) and waits for the acknowledgement.
  const print = (content) =>
    new Promise((resolve) => {
      const id = nextPrintId++;
      pendingPrints.set(id, resolve);
      write({ jsonrpc: "2.0", id, method: "print", params: { content } });
    });

  async function call(method, params) {
    current ??= await open();
    const { engine } = current;
    if (method === "getDatabaseVersion") return engine.version();
    if (method === "diff") {
      const { exitCode, stdout } = await engine.diff(params);
      if (stdout != null) await print(stdout);
      return { exitCode };
    }
    if (typeof engine[method] !== "function") {
      throw new Error(`The schema engine stand-in does not support \`${method}\`.`);
    }
    try {
      return await engine[method](params);
    } catch (error) {
      // Defect 3: in the WASM build createMigration and evaluateDataLoss get no
      // shadow database; they reuse what an earlier call on this instance
      // computed on one. Running the migration history once provides that.
      if (!SHADOW_MISSING.test(String(error?.message)) || !params?.migrationsList) throw error;
      const { migrationsList, filters = { externalTables: [], externalEnums: [] } } = params;
      await engine.diagnoseMigrationHistory({ migrationsList, optInToShadowDatabase: true, filters });
      return engine[method](params);
    }
  }

  async function handle({ id, method, params }) {
    try {
      write({ jsonrpc: "2.0", id, result: (await call(method, params)) ?? {} });
    } catch (error) {
      const data = toErrorData(error, { method, registry: current?.registry });
      const message = data.is_panic ? data.message : "An error happened. Check the data field for details.";
      write({ jsonrpc: "2.0", id, error: { code: 4466, message, data } });
      if (data.is_panic) process.exit(101); // a trapped WASM instance is unusable
    }
  }

  const lines = readline.createInterface({ input: process.stdin, crlfDelay: Infinity });
  lines.on("line", (line) => {
    if (!line.trim()) return;
    const message = JSON.parse(line);
    if (message.method === undefined) {
      // The CLI acknowledging one of our `print` requests.
      pendingPrints.get(message.id)?.();
      pendingPrints.delete(message.id);
    } else {
      // The WASM engine does not allow overlapping calls on one instance.
      queue = queue.then(() => handle(message));
    }
  });
  // The CLI ends the engine by closing stdin; open pools would keep us alive.
  lines.on("close", () => queue.then(() => process.exit(0)));
}
