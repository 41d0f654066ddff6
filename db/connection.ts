import fs from "node:fs";
import path from "node:path";

import SQLite from "better-sqlite3";
import { CompiledQuery, Kysely, SqliteDialect, SqliteDriver, type DatabaseConnection } from "kysely";

import type { Database } from "./schema";

export const DEFAULT_DATABASE_URL = "file:./data/accord.sqlite";

/**
 * better-sqlite3 through Kysely shares one connection and starts transactions with a deferred
 * `begin`. A transaction that reads and then writes could then fail with SQLITE_BUSY when another
 * process wrote in between; `begin immediate` takes the write lock up front instead.
 */
class ImmediateSqliteDriver extends SqliteDriver {
  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw("begin immediate"));
  }
}

class ImmediateSqliteDialect extends SqliteDialect {
  readonly #config: ConstructorParameters<typeof SqliteDialect>[0];
  constructor(config: ConstructorParameters<typeof SqliteDialect>[0]) {
    super(config);
    this.#config = config;
  }
  override createDriver() {
    return new ImmediateSqliteDriver(this.#config);
  }
}

export function sqlitePathFromUrl(url: string): string {
  if (!url.startsWith("file:")) {
    throw new Error(
      `DATABASE_URL must be file:PATH for SQLite (got "${url.split(":")[0]}:…"); PostgreSQL is not wired yet`,
    );
  }
  const file = url.slice("file:".length);
  if (!file) throw new Error("DATABASE_URL file: needs a path");
  return file === ":memory:" ? file : path.resolve(file);
}

export function openSqlite(file: string): SQLite.Database {
  if (file !== ":memory:") fs.mkdirSync(path.dirname(file), { recursive: true });
  const sqlite = new SQLite(file);
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma("busy_timeout = 5000");
  // WAL makes NORMAL durable against application crashes; only an OS crash may lose the last commit.
  sqlite.pragma("synchronous = NORMAL");
  return sqlite;
}

export function createDatabase(url: string = process.env.DATABASE_URL ?? DEFAULT_DATABASE_URL): Kysely<Database> {
  const file = sqlitePathFromUrl(url);
  return new Kysely<Database>({
    dialect: new ImmediateSqliteDialect({ database: openSqlite(file) }),
  });
}
