import type { Kysely } from "kysely";

import { createDatabase } from "~db/connection";
import type { Database } from "~db/schema";

export type DB = Kysely<Database>;

declare global {
  // Kept across development rebuilds so a rebuild does not open a second connection.
  var __accordDb: DB | undefined;
}

let instance: DB | undefined;

/** The application's database, opened on first use from DATABASE_URL. */
export function getDb(): DB {
  if (process.env.NODE_ENV === "development") {
    return (globalThis.__accordDb ??= createDatabase());
  }
  return (instance ??= createDatabase());
}
