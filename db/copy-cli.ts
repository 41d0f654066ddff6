// `npm run db:copy -- FROM_URL TO_URL`: move an Accord database, e.g. from SQLite to PostgreSQL.
import { copyDatabase } from "./copy";
import { reasonOf } from "./errors";

const [from, to] = process.argv.slice(2);
if (!from || !to) {
  console.error("usage: npm run db:copy -- FROM_URL TO_URL   (e.g. file:./data/accord.sqlite postgres://accord@db/accord)");
  process.exit(2);
}
try {
  const report = await copyDatabase(from, to);
  for (const [table, n] of Object.entries(report.tables)) console.log(`${table.padEnd(28)} ${n}`);
  console.log("Copied.");
} catch (error) {
  console.error(`db:copy failed: ${reasonOf(error)}`);
  process.exitCode = 1;
}
