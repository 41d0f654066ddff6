import { AsyncLocalStorage } from "node:async_hooks";
import fs from "node:fs";
import path from "node:path";
import SQLite from "better-sqlite3";
import {
  CompiledQuery,
  Kysely,
  PostgresDialect,
  PostgresDriver,
  SqliteDialect,
  SqliteDriver,
  type DatabaseConnection,
  type Driver,
  type Dialect as KyselyDialect,
  type LogEvent,
  type TransactionSettings,
} from "kysely";
import pg from "pg";

import { DatabaseUnavailable, isConnectionError } from "./errors";
import type { Database } from "./schema";

export const DEFAULT_DATABASE_URL = "file:./data/accord.sqlite";

export type Dialect = "sqlite" | "postgres";

/** Which database a DATABASE_URL names: `file:` is SQLite, `postgres://` or `postgresql://` PostgreSQL. */
export function dialectOfUrl(url: string): Dialect {
  if (url.startsWith("file:")) return "sqlite";
  if (/^postgres(ql)?:\/\//.test(url)) return "postgres";
  throw new Error(`DATABASE_URL must be file:PATH (SQLite) or postgres://… (PostgreSQL); got "${url.split(":")[0]}:…"`);
}

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

/** Kysely's own dialect with its driver swapped for one that begins transactions our way. */
function withDriver(dialect: KyselyDialect, driver: Driver): KyselyDialect {
  return {
    createAdapter: () => dialect.createAdapter(),
    createDriver: () => driver,
    createIntrospector: (db) => dialect.createIntrospector(db),
    createQueryCompiler: () => dialect.createQueryCompiler(),
  };
}

/**
 * The PostgreSQL counterpart of `begin immediate`: every transaction first takes one
 * transaction-scoped advisory lock, so write transactions run one at a time across every app
 * instance, and each statement after it sees every earlier commit (read committed). The model's
 * check-then-write transactions (a version read, a balance summed, then written) therefore keep
 * the meaning they have on SQLite without a retry loop at each call site. Plain reads take no lock.
 * See docs/decisions/014-postgresql.md.
 */
export const WRITE_LOCK_KEY = 7_310_014;

class SerialWritePostgresDriver extends PostgresDriver {
  override async beginTransaction(connection: DatabaseConnection, settings: TransactionSettings): Promise<void> {
    await super.beginTransaction(connection, settings);
    await connection.executeQuery(CompiledQuery.raw(`select pg_advisory_xact_lock(${WRITE_LOCK_KEY})`));
  }
}

export function sqlitePathFromUrl(url: string): string {
  if (!url.startsWith("file:")) throw new Error(`not a SQLite URL: "${url.split(":")[0]}:…"`);
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

// int8 (counts, bigint kilograms) and numeric (sums of bigint) come back from pg as strings, to
// be safe beyond 2^53. Accord's figures are kilograms and row counts, far below that: numbers.
const INT8_OID = 20;
const NUMERIC_OID = 1700;
const pgTypes = {
  getTypeParser(oid: number, format?: "text" | "binary") {
    if (oid === INT8_OID || oid === NUMERIC_OID) return (value: string) => Number(value);
    return pg.types.getTypeParser(oid, format ?? "text");
  },
};

export function poolMax(): number {
  const raw = process.env.DATABASE_POOL_MAX;
  const n = raw ? Number(raw) : 10;
  if (!Number.isInteger(n) || n < 1) throw new Error(`DATABASE_POOL_MAX must be a whole number of at least 1 (got "${raw}")`);
  return n;
}

export function createPgPool(url: string, max = poolMax()): pg.Pool {
  const pool = new pg.Pool({
    connectionString: url,
    max,
    types: pgTypes as pg.CustomTypesConfig,
    // A request waiting on a database that went away fails within seconds (503), not forever.
    connectionTimeoutMillis: 5_000,
    idleTimeoutMillis: 30_000,
  });
  // An idle client whose server went away emits "error" on the pool; without a listener that
  // would end the process. The next query reports the outage instead.
  pool.on("error", () => {});
  return pool;
}

const WRAPPED = Symbol("accord.wrapped");

/** Turns errors that mean "the server is not there" into DatabaseUnavailable (a 503). */
function mapUnavailable(error: unknown): never {
  throw isConnectionError(error) ? new DatabaseUnavailable(error) : error;
}

/** The pool as Kysely sees it, with every connection failure reported as DatabaseUnavailable. */
function unavailabilityAwarePool(pool: pg.Pool) {
  return {
    async connect() {
      const client = await pool.connect().catch(mapUnavailable);
      const marked = client as pg.PoolClient & { [WRAPPED]?: true };
      if (!marked[WRAPPED]) {
        marked[WRAPPED] = true;
        const query = client.query.bind(client) as (...args: unknown[]) => unknown;
        (client as unknown as { query: (...args: unknown[]) => unknown }).query = (...args: unknown[]) => {
          const result = query(...args);
          return result instanceof Promise ? result.catch(mapUnavailable) : result;
        };
      }
      return client;
    },
    end: () => pool.end(),
  };
}

export function createDatabase(url: string = process.env.DATABASE_URL ?? DEFAULT_DATABASE_URL): Kysely<Database> {
  const log = countingStatements() ? tallyStatement : undefined;
  if (dialectOfUrl(url) === "postgres") {
    const config = { pool: unavailabilityAwarePool(createPgPool(url)) };
    return new Kysely<Database>({
      dialect: withDriver(new PostgresDialect(config), new SerialWritePostgresDriver(config)),
      log,
    });
  }
  const config = { database: withStatementCache(openSqlite(sqlitePathFromUrl(url))) };
  return new Kysely<Database>({
    dialect: withDriver(new SqliteDialect(config), new ImmediateSqliteDriver(config)),
    log,
  });
}

/** How many compiled statements one SQLite connection keeps for reuse. */
export const STATEMENT_CACHE_SIZE = 500;

/**
 * Kysely prepares every query anew, and better-sqlite3 compiles SQL on each `prepare`: a page's
 * forty statements were compiled on every request. The connection keeps the most recently used
 * compiled statements by their SQL text (parameters are bound on each run, so a statement is
 * reused with any values). A statement still being iterated (`busy`) is never handed out twice.
 */
export function withStatementCache(sqlite: SQLite.Database, size = STATEMENT_CACHE_SIZE) {
  const cache = new Map<string, SQLite.Statement>();
  return {
    close: () => sqlite.close(),
    prepare(sql: string): SQLite.Statement {
      const cached = cache.get(sql);
      if (cached && !cached.busy) {
        // Map order is insertion order: moving it to the end keeps the oldest first out.
        cache.delete(sql);
        cache.set(sql, cached);
        return cached;
      }
      const fresh = sqlite.prepare(sql);
      if (cached) return fresh;
      cache.set(sql, fresh);
      if (cache.size > size) cache.delete(cache.keys().next().value!);
      return fresh;
    },
  };
}

function tallyStatement(event: LogEvent): void {
  if (event.queryDurationMillis > slowMillis)
    console.error(`slow SQL ${event.queryDurationMillis.toFixed(1)} ms: ${event.query.sql}`);
  const tally = statementTally.getStore();
  if (!tally) return;
  tally.count += 1;
  tally.statements.push(event.query.sql);
  tally.millis?.push(event.queryDurationMillis);
}
