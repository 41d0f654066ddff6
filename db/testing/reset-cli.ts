// Empties the throwaway PostgreSQL database E2E_DATABASE_URL names before an e2e run. Refuses a
// database whose name does not say it is for tests, so a production URL is never wiped.
import { createDatabase } from "../connection";
import { resetPostgresSchema } from "../sql";

const url = process.env.E2E_DATABASE_URL ?? "";
const name = url ? new URL(url).pathname.slice(1) : "";
if (!/(e2e|test)/.test(name)) {
  console.error(`Refusing to empty "${name}": E2E_DATABASE_URL must name a database with e2e or test in its name.`);
  process.exit(1);
}
const db = createDatabase(url);
try {
  await resetPostgresSchema(db);
} finally {
  await db.destroy();
}
