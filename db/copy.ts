/**
 * `npm run db:copy -- FROM_URL TO_URL`: every table of one Accord database into another, empty
 * one (SQLite to PostgreSQL or back), keeping ids, versions and the audit log as they are. Both
 * are first brought to the latest schema; the target must hold no rows. Parents are copied
 * before children, and the search index is rebuilt from the copied documents.
 */
import type { Kysely } from "kysely";

import { createDatabase } from "./connection";
import { redactUrl } from "./errors";
import { migrateToLatest } from "./migrate";
import { readSearchDocuments, referencedTables, replaceSearchDocument, selfReferences } from "./sql";

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

/** Tables derived from others (search indexes and SQLite's FTS shadow tables): rebuilt, not copied. */
const DERIVED = /^consultation_search/;
const BATCH = 200;

export interface CopyReport {
  tables: Record<string, number>;
}

async function dataTables(db: AnyDb): Promise<string[]> {
  const tables = await db.introspection.getTables();
  return tables.filter((t) => !t.isView && !DERIVED.test(t.name)).map((t) => t.name);
}

/** Tables ordered so that every table comes after those its foreign keys point at. */
async function parentsFirst(db: AnyDb, tables: string[]): Promise<string[]> {
  const parents = new Map<string, string[]>();
  for (const t of tables)
    parents.set(
      t,
      (await referencedTables(db, t)).filter((p) => p !== t && tables.includes(p)),
    );
  const ordered: string[] = [];
  const visit = (t: string, path: string[]) => {
    if (ordered.includes(t)) return;
    if (path.includes(t)) throw new Error(`foreign keys form a cycle through ${t}`);
    for (const p of parents.get(t) ?? []) visit(p, [...path, t]);
    ordered.push(t);
  };
  for (const t of [...tables].sort()) visit(t, []);
  return ordered;
}

async function rowCount(db: AnyDb, table: string): Promise<number> {
  const row = await db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Rows of a table in an order in which a row's self-reference (if any) comes before it. */
async function rowsInInsertOrder(db: AnyDb, table: string): Promise<Record<string, unknown>[]> {
  const rows = (await db.selectFrom(table).selectAll().execute()) as Record<string, unknown>[];
  const refs = await selfReferences(db, table);
  if (refs.length === 0) return rows;
  const placed = new Set<unknown>();
  const out: Record<string, unknown>[] = [];
  let pending = rows;
  while (pending.length > 0) {
    const ready = pending.filter((r) =>
      refs.every(({ column, references }) => r[column] === null || placed.has(`${references}:${String(r[column])}`)),
    );
    if (ready.length === 0) throw new Error(`${table}: rows refer to rows that are missing`);
    for (const r of ready) {
      out.push(r);
      for (const { references } of refs) placed.add(`${references}:${String(r[references])}`);
    }
    pending = pending.filter((r) => !ready.includes(r));
  }
  return out;
}

export async function copyDatabase(fromUrl: string, toUrl: string): Promise<CopyReport> {
  if (fromUrl === toUrl) throw new Error("FROM_URL and TO_URL name the same database");
  const from = createDatabase(fromUrl);
  const to = createDatabase(toUrl);
  try {
    await migrateToLatest(from);
    await migrateToLatest(to);
    const tables = await parentsFirst(from, await dataTables(from));
    const targetTables = new Set(await dataTables(to));
    for (const t of tables) {
      if (!targetTables.has(t)) throw new Error(`${redactUrl(toUrl)} has no table ${t}`);
      if ((await rowCount(to, t)) > 0)
        throw new Error(`${redactUrl(toUrl)} is not empty (${t} has rows); copy into an empty database`);
    }
    const report: CopyReport = { tables: {} };
    // One transaction: a copy that fails half-way leaves the target as empty as it was.
    await to.transaction().execute(async (tx) => {
      for (const table of tables) {
        const rows = await rowsInInsertOrder(from, table);
        for (let i = 0; i < rows.length; i += BATCH)
          await (tx as unknown as AnyDb)
            .insertInto(table)
            .values(rows.slice(i, i + BATCH))
            .execute();
        report.tables[table] = rows.length;
      }
      for (const doc of await readSearchDocuments(from)) {
        const { consultation_id, ...rest } = doc;
        await replaceSearchDocument(tx, consultation_id, rest);
      }
    });
    for (const table of tables) {
      const copied = await rowCount(to, table);
      if (copied !== report.tables[table])
        throw new Error(`${table}: ${report.tables[table]} rows read but ${copied} in the target`);
    }
    return report;
  } finally {
    await from.destroy();
    await to.destroy();
  }
}
