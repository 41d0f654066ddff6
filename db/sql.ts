/**
 * Every raw SQL fragment Accord uses lives here, so a port to PostgreSQL has one file to read.
 * Everything else is built with Kysely's portable query builder.
 */
import { sql, type Kysely } from "kysely";

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function ping(db: Kysely<any>): Promise<void> {
  await sql`select 1`.execute(db);
}
