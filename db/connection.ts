import { AsyncLocalStorage } from "node:async_hooks";
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

/** The statements run inside one `countStatements` call (or one HTTP request, see app/server.ts). */
export interface StatementTally {
  count: number;
  statements: string[];
  /** Each statement's time in milliseconds, in the same order. */
  millis?: number[];
}

// On globalThis so that the HTTP server bundle and the Remix build, each with its own copy of this
// module, share one store.
const TALLY_KEY = Symbol.for("accord.statementTally");
const globalTally = globalThis as { [TALLY_KEY]?: AsyncLocalStorage<StatementTally> };
export const statementTally: AsyncLocalStorage<StatementTally> = (globalTally[TALLY_KEY] ??= new AsyncLocalStorage());

/** Counting is on for the benchmark (`ACCORD_COUNT_SQL=1`) and in tests; off otherwise, at no cost. */
export function countingStatements(): boolean {
  return process.env.ACCORD_COUNT_SQL === "1" || process.env.NODE_ENV === "test";
}

// With ACCORD_COUNT_SQL=1, statements slower than this many milliseconds are printed: a way to
// find what a slow page spends its time on.
const slowMillis = Number(process.env.ACCORD_SLOW_SQL_MS ?? Infinity);

/** Runs `fn` and returns what it returned with the SQL statements it ran (when counting is on). */
export async function countStatements<T>(fn: () => Promise<T>): Promise<{ result: T } & StatementTally> {
  const tally: StatementTally = { count: 0, statements: [] };
  const result = await statementTally.run(tally, fn);
  return { result, ...tally };
}

export function createDatabase(url: string = process.env.DATABASE_URL ?? DEFAULT_DATABASE_URL): Kysely<Database> {
  const file = sqlitePathFromUrl(url);
  return new Kysely<Database>({
    dialect: new ImmediateSqliteDialect({ database: openSqlite(file) }),
    log: countingStatements()
      ? (event) => {
          if (event.queryDurationMillis > slowMillis) console.error(`slow SQL ${event.queryDurationMillis.toFixed(1)} ms: ${event.query.sql}`);
          const tally = statementTally.getStore();
          if (!tally) return;
          tally.count += 1;
          tally.statements.push(event.query.sql);
          tally.millis?.push(event.queryDurationMillis);
        }
      : undefined,
  });
}
