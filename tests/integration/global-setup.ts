import { TEST_SEED } from "../support/random";
import { startTestDatabase } from "../support/test-database";

// One embedded PostgreSQL for the integration run. Workers inherit the
// environment set here; tests keep to their own rows through factories.
export default async function setup() {
  console.log(`Test data seed ${TEST_SEED}; replay a failure with TEST_SEED=${TEST_SEED}.`);
  const database = await startTestDatabase();
  process.env.DATABASE_URL = database.appUrl;
  process.env.TEST_OWNER_DATABASE_URL = database.ownerUrl;
  process.env.TEST_SUPERUSER_DATABASE_URL = database.superuserUrl;
  return () => database.stop();
}
