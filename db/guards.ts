/**
 * Rules the database itself enforces, whatever code writes to it: enum-like columns hold only
 * their listed values, and append-only tables refuse UPDATE and DELETE. The SQL differs by
 * dialect, so it lives here; migrations call these functions with their own frozen value lists.
 *
 * SQLite cannot add a CHECK constraint to an existing table, so there each rule is a pair of
 * BEFORE INSERT / BEFORE UPDATE triggers that RAISE(ABORT). PostgreSQL gets real CHECK
 * constraints and one trigger function for the append-only tables (not yet run against a server:
 * the PostgreSQL port is to exercise it).
 */
import { PostgresAdapter, sql, SqliteAdapter, type Kysely } from "kysely";

/** `{ table: { column: [allowed values] } }`; values are strings, or 0 | 1 for booleans. */
export type EnumGuards = Record<string, Record<string, readonly (string | number)[]>>;

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

type Dialect = "sqlite" | "postgres";

export function dialectOf(db: AnyDb): Dialect {
  const adapter = db.getExecutor().adapter;
  if (adapter instanceof SqliteAdapter) return "sqlite";
  if (adapter instanceof PostgresAdapter) return "postgres";
  throw new Error(`No database guards for the ${adapter.constructor.name} dialect`);
}

/** Names are code, never input: refuse anything but plain identifiers before they reach SQL. */
function ident(name: string): string {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`not a plain identifier: ${name}`);
  return name;
}

function literal(value: string | number): string {
  if (typeof value === "number") {
    if (!Number.isInteger(value)) throw new Error(`guard values are integers or strings: ${value}`);
    return String(value);
  }
  return `'${value.replaceAll("'", "''")}'`;
}

function valueList(values: readonly (string | number)[]): string {
  if (values.length === 0) throw new Error("a guard needs at least one allowed value");
  return values.map(literal).join(", ");
}

function guardName(table: string, column: string): string {
  return `${ident(table)}_${ident(column)}_check`;
}

/**
 * Refuses to add a guard that rows already break: the migration stops with the offending
 * column named, rather than leaving a rule the stored data contradicts.
 */
async function assertNoStrayValues(
  db: AnyDb,
  table: string,
  column: string,
  values: readonly (string | number)[],
): Promise<void> {
  const { rows } = await sql
    .raw<{ n: number | string }>(
      `select count(*) as n from ${ident(table)} where ${ident(column)} is not null and ${ident(column)} not in (${valueList(values)})`,
    )
    .execute(db);
  const n = Number(rows[0]?.n ?? 0);
  if (n > 0)
    throw new Error(`${table}.${column} holds ${n} value(s) outside ${values.join(", ")}; fix them before this migration`);
}

export async function addEnumGuards(db: AnyDb, guards: EnumGuards): Promise<void> {
  const dialect = dialectOf(db);
  for (const [table, columns] of Object.entries(guards)) {
    for (const [column, values] of Object.entries(columns)) {
      await assertNoStrayValues(db, table, column, values);
      const name = guardName(table, column);
      const list = valueList(values);
      const message = `${table}.${column} must be one of ${values.join(", ")}`.replaceAll("'", "''");
      if (dialect === "postgres") {
        await sql.raw(`alter table ${ident(table)} add constraint ${name} check (${ident(column)} in (${list}))`).execute(db);
        continue;
      }
      for (const event of ["insert", "update"] as const) {
        const on = event === "insert" ? `insert on ${ident(table)}` : `update of ${ident(column)} on ${ident(table)}`;
        await sql
          .raw(
            `create trigger ${name}_${event} before ${on} when new.${ident(column)} is null or new.${ident(column)} not in (${list})
             begin select raise(abort, '${message}'); end`,
          )
          .execute(db);
      }
    }
  }
}

export async function dropEnumGuards(db: AnyDb, guards: EnumGuards): Promise<void> {
  const dialect = dialectOf(db);
  for (const [table, columns] of Object.entries(guards)) {
    for (const column of Object.keys(columns)) {
      const name = guardName(table, column);
      if (dialect === "postgres") {
        await sql.raw(`alter table ${ident(table)} drop constraint if exists ${name}`).execute(db);
        continue;
      }
      await sql.raw(`drop trigger if exists ${name}_insert`).execute(db);
      await sql.raw(`drop trigger if exists ${name}_update`).execute(db);
    }
  }
}

/** The tables refuse UPDATE and DELETE of any row: history is added to, never rewritten. */
export async function makeAppendOnly(db: AnyDb, tables: readonly string[]): Promise<void> {
  const dialect = dialectOf(db);
  if (dialect === "postgres") {
    await sql
      .raw(
        `create or replace function accord_refuse_change() returns trigger language plpgsql as $$
         begin raise exception '% is append-only: % refused', tg_table_name, tg_op; end $$`,
      )
      .execute(db);
  }
  for (const table of tables) {
    const t = ident(table);
    if (dialect === "postgres") {
      await sql
        .raw(
          `create trigger ${t}_append_only before update or delete on ${t} for each row execute function accord_refuse_change()`,
        )
        .execute(db);
      continue;
    }
    for (const event of ["update", "delete"] as const) {
      await sql
        .raw(
          `create trigger ${t}_no_${event} before ${event} on ${t} begin select raise(abort, '${t} is append-only: ${event} refused'); end`,
        )
        .execute(db);
    }
  }
}

export async function dropAppendOnly(db: AnyDb, tables: readonly string[]): Promise<void> {
  const dialect = dialectOf(db);
  for (const table of tables) {
    const t = ident(table);
    if (dialect === "postgres") {
      await sql.raw(`drop trigger if exists ${t}_append_only on ${t}`).execute(db);
      continue;
    }
    await sql.raw(`drop trigger if exists ${t}_no_update`).execute(db);
    await sql.raw(`drop trigger if exists ${t}_no_delete`).execute(db);
  }
}
