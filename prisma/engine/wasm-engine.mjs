// Prisma's schema engine (the WebAssembly build) on top of @prisma/adapter-pg,
// with workarounds for the adapter defects that matter to migrations.
// Evidence for each: /work/shared/docs/prisma-offline.md, "Four defects".
import fs from "node:fs";
import { randomUUID } from "node:crypto";
import pg from "pg";
import { PrismaPg } from "@prisma/adapter-pg";
import { bindMigrationAwareSqlAdapterFactory, ColumnTypeEnum } from "@prisma/driver-adapter-utils";
import { parseIntoClientConfig } from "pg-connection-string";
import * as bg from "@prisma/schema-engine-wasm/schema_engine_bg";

// Defect 1: adapter-pg refuses (UnsupportedNativeDataType) the catalog types the
// engine reads while introspecting. pg has no parser for any of these and returns
// plain strings, so they can pass as text; but `"char"` (pg_constraint's
// contype, confdeltype, …) must be Character or the engine cannot read it.
const CHAR_OID = 18;
const TEXT_OID = 25;
// "char", name, int2vector, regproc, tid, xid, cid, oidvector, pg_node_tree,
// unknown, aclitem, regprocedure … regtype, regconfig, regdictionary,
// regnamespace, regrole, regcollation, xid8.
const CATALOG_OIDS = new Set([
  18, 19, 22, 24, 27, 28, 29, 30, 194, 705, 1033, 2202, 2203, 2204, 2205, 2206, 3734, 3769, 4089, 4096, 4191,
  5069,
]);

// Separate fields, never a `connectionString`: pg lets a connection string win
// over `database`, which is how adapter-pg's own shadow database ends up being
// the main database (defect 2). `?schema=` is Prisma's; pg ignores the rest.
function parseUrl(url) {
  const { schema, ...config } = parseIntoClientConfig(url);
  return { config, schema };
}

const quoteIdent = (name) => `"${String(name).replaceAll('"', '""')}"`;

// Patch one adapter-pg queryable (the pool adapter or a transaction) in place:
// bindAdapter() in driver-adapter-utils binds these own properties.
function patchQueryable(q) {
  const { queryRaw, performIO } = q;
  q.queryRaw = async (query) => {
    // A view of `q` per call, so that concurrent queries keep their own columns.
    const charColumns = [];
    const retypeFields = async (io) => {
      const result = await performIO.call(q, io);
      result.fields.forEach((field, i) => {
        if (!CATALOG_OIDS.has(field.dataTypeID)) return;
        if (field.dataTypeID === CHAR_OID) charColumns.push(i);
        field.dataTypeID = TEXT_OID;
      });
      return result;
    };
    const result = await queryRaw.call(Object.create(q, { performIO: { value: retypeFields } }), query);
    for (const i of charColumns) result.columnTypes[i] = ColumnTypeEnum.Character;
    return result;
  };
  return q;
}

function patchAdapter(adapter) {
  patchQueryable(adapter);
  // Defect 4: adapter-pg splits scripts on `;` and runs the pieces one by one.
  // One simple-protocol query keeps `$$ … ; … $$` bodies whole, and Postgres
  // runs it as one implicit transaction, as with the native engine: a failing
  // migration leaves nothing behind.
  adapter.executeScript = async (script) => {
    try {
      await adapter.client.query(script);
    } catch (error) {
      adapter.onError(error);
    }
  };
  const startTransaction = adapter.startTransaction;
  adapter.startTransaction = async (...args) => patchQueryable(await startTransaction.apply(adapter, args));
  return adapter;
}

const open = async ({ config, schema }) => patchAdapter(await new PrismaPg(config, { schema }).connect());

// Same server (its start time, to the microsecond) and same database name.
async function identify(adapter) {
  const sql = "SELECT current_database() || '@' || pg_postmaster_start_time()";
  return (await adapter.queryRaw({ sql, args: [], argTypes: [] })).rows[0][0];
}

/** The migration-aware adapter factory for one datasource `{ url, shadowDatabaseUrl }`. */
class PgFactory {
  provider = "postgres";
  adapterName = "@prisma/adapter-pg";

  constructor({ url, shadowDatabaseUrl }) {
    this.main = parseUrl(url);
    this.shadow = shadowDatabaseUrl ? parseUrl(shadowDatabaseUrl) : undefined;
  }

  // Takes no target: the engine calls connect(null).
  connect() {
    return open(this.main);
  }

  // Defect 2: adapter-pg's own version runs the "shadow" on the main database.
  // This one uses the configured shadowDatabaseUrl, or a temporary database.
  async connectToShadowDb() {
    if (this.shadow) {
      const [main, shadow] = await Promise.all([this.connect(), open(this.shadow)]);
      try {
        // By identity, not by URL: "localhost" and "127.0.0.1" (or a proxy) can
        // name the same database, and the shadow is about to be wiped.
        if ((await identify(main)) === (await identify(shadow))) {
          throw new Error(
            "The shadow database you configured appears to be the same as the main database. Please specify another shadow database.",
          );
        }
        // Like the native engine: a configured shadow database is wiped first.
        const schema = quoteIdent(this.shadow.schema ?? "public");
        await shadow.executeScript(`DROP SCHEMA IF EXISTS ${schema} CASCADE; CREATE SCHEMA ${schema};`);
        return shadow;
      } catch (error) {
        await shadow.dispose();
        throw error;
      } finally {
        await main.dispose();
      }
    }
    // Created through the main connection: the role needs CREATEDB.
    const database = `prisma_migrate_shadow_db_${randomUUID()}`;
    const admin = await this.connect();
    try {
      await admin.executeScript(`CREATE DATABASE ${quoteIdent(database)}`);
    } catch (error) {
      await admin.dispose();
      // The native engine's P3014 wording (the WASM build has no such message).
      throw new Error(
        "Prisma Migrate could not create the shadow database. Please make sure the database user has permission to create databases. " +
          "Read more about the shadow database (and workarounds) at https://pris.ly/d/migrate-shadow\n\n" +
          `Original error: \n${error.message}`,
      );
    }
    const shadow = await open({ config: { ...this.main.config, database }, schema: this.main.schema });
    const closePool = shadow.dispose.bind(shadow);
    shadow.dispose = async () => {
      try {
        await closePool(); // first: Postgres cannot drop a database in use
        await admin.executeScript(`DROP DATABASE IF EXISTS ${quoteIdent(database)}`);
      } finally {
        await admin.dispose();
      }
    };
    return shadow;
  }
}

// The engine's panic hook hands the panic message over here, then traps.
export const panic = { message: undefined };
globalThis.PRISMA_WASM_PANIC_REGISTRY = { set_message: (message) => (panic.message = message) };

let wasmLoaded = false;
function loadWasm() {
  if (wasmLoaded) return;
  const bgModule = import.meta.resolve("@prisma/schema-engine-wasm/schema_engine_bg");
  const bytes = fs.readFileSync(new URL("schema_engine_bg.wasm", bgModule));
  const instance = new WebAssembly.Instance(new WebAssembly.Module(bytes), { "./schema_engine_bg.js": bg });
  bg.__wbg_set_wasm(instance.exports);
  instance.exports.__wbindgen_start?.();
  wasmLoaded = true;
}

export const wasmVersion = () => (loadWasm(), bg.version());

// A JS error thrown inside the adapter reaches the engine's caller only as
// "External error id#N"; the original waits in the factory's error registry.
export function unwrapExternal(error, registry) {
  const id = /External error id#(\d+)/.exec(error?.message)?.[1];
  return (id && registry?.consumeError(Number(id))?.error) || error;
}

/**
 * Create an engine: resolves to { engine, registry }. `datamodels` is
 * `[[path, content]]` or undefined (an empty list makes the engine panic);
 * `log` receives the engine's JSON log lines. The engine connects at once, so
 * connection errors are thrown from here.
 */
export async function createEngine({ datamodels, datasource, log = () => {} }) {
  loadWasm();
  const factory = bindMigrationAwareSqlAdapterFactory(new PgFactory(datasource));
  try {
    const options = { datamodels: datamodels?.length ? datamodels : undefined };
    return { engine: await bg.SchemaEngine.new(options, log, factory), registry: factory.errorRegistry };
  } catch (error) {
    throw unwrapExternal(error, factory.errorRegistry);
  }
}

// For the one-shot `cli create-database|drop-database`, which the WASM engine
// lacks. Like the native engine: as the same user, from the `postgres` database
// (else `template1`) of the same server.
export async function runOnServer(url, command) {
  const { config } = parseUrl(url);
  const connect = async (database) => {
    const client = new pg.Client({ ...config, database });
    await client.connect();
    return client;
  };
  const client = await connect("postgres").catch(() => connect("template1"));
  try {
    await client.query(`${command} ${quoteIdent(config.database)}`);
  } finally {
    await client.end();
  }
}
