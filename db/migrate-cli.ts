// `npm run db:migrate`: bring the database named by DATABASE_URL to the latest schema.
import { createDatabase } from "./connection";
import { migrateToLatest } from "./migrate";

const db = createDatabase();
try {
  const { results = [] } = await migrateToLatest(db);
  if (results.length === 0) console.log("Database is up to date.");
  for (const r of results) console.log(`${r.status === "Success" ? "applied" : r.status}: ${r.migrationName}`);
} finally {
  await db.destroy();
}
