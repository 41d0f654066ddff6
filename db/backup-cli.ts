// `npm run db:backup -- FILE` and `npm run db:restore -- FILE` for the database DATABASE_URL names.
import { backupDatabase, restoreDatabase } from "./backup";
import { DEFAULT_DATABASE_URL } from "./connection";
import { reasonOf } from "./errors";

const [command, file] = process.argv.slice(2);
const url = process.env.DATABASE_URL ?? DEFAULT_DATABASE_URL;
if ((command !== "backup" && command !== "restore") || !file) {
  console.error("usage: npm run db:backup -- FILE | npm run db:restore -- FILE");
  process.exit(2);
}
try {
  if (command === "backup") {
    await backupDatabase(url, file);
    console.log(`Backed up to ${file}.`);
  } else {
    await restoreDatabase(url, file);
    console.log(`Restored ${file}.`);
  }
} catch (error) {
  console.error(`db:${command} failed: ${reasonOf(error)}`);
  process.exitCode = 1;
}
