/**
 * Every raw SQL fragment Accord uses lives here, so a port to PostgreSQL has one file to read.
 * Everything else is built with Kysely's portable query builder.
 */
import { CompiledQuery, sql, type Kysely, type RawBuilder } from "kysely";

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function ping(db: Kysely<any>): Promise<void> {
  await sql`select 1`.execute(db);
}

/**
 * The query plan SQLite would use for a query, one line per step ("SEARCH c USING INDEX …",
 * "SCAN …"). Structural tests read it to prove a list is served from an index.
 * PostgreSQL: `EXPLAIN (FORMAT JSON)`.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function explainQueryPlan(db: Kysely<any>, query: { compile(): CompiledQuery }): Promise<string[]> {
  const compiled = query.compile();
  const result = await db.executeQuery<{ detail: string }>(CompiledQuery.raw(`explain query plan ${compiled.sql}`, [...compiled.parameters]));
  return result.rows.map((r) => r.detail);
}

/**
 * A column compared without its index (`+column`): the planner then keeps to the index the
 * ORDER BY walks instead of one it would have to merge and sort. PostgreSQL: the column itself.
 */
export function withoutIndex<T = string>(column: string): RawBuilder<T> {
  return sql<T>`+${sql.ref(column)}`;
}

/**
 * A top-level text field of a JSON text column, e.g. the `visibility` an audit snapshot recorded.
 * PostgreSQL: `(column::jsonb ->> 'field')`.
 */
export function jsonTextField(column: string, field: string): RawBuilder<string | null> {
  return sql<string | null>`json_extract(${sql.ref(column)}, ${jsonPath(field)})`;
}

/**
 * Whether a top-level array field of a JSON text column holds a value, e.g. an organization among
 * the parties an audit snapshot recorded. False when the column is null or the field is missing.
 * PostgreSQL: `coalesce((column::jsonb -> 'field') ? value, false)`.
 */
export function jsonArrayIncludes(column: string, field: string, value: string): RawBuilder<boolean> {
  return sql<boolean>`exists (select 1 from json_each(${sql.ref(column)}, ${jsonPath(field)}) where json_each.value = ${value})`;
}

/** The path of a top-level field; only plain names, so no caller can reach into a path. */
function jsonPath(field: string): string {
  if (!/^[a-z_]+$/.test(field)) throw new Error("JSON field helpers take a plain field name");
  return `$.${field}`;
}

// ---- Consultation full-text search (SQLite FTS5) --------------------------------------------
// The search table shares the consultation's rowid so that updates and joins are by integer key.
// PostgreSQL equivalent: a generated tsvector column on consultations with a GIN index.

export interface SearchDocument {
  title: string;
  agenda: string;
  notes: string;
  outcome: string;
  actions: string;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function replaceSearchDocument(db: Kysely<any>, consultationId: string, doc: SearchDocument): Promise<void> {
  await sql`delete from consultation_search where rowid = (select rowid from consultations where id = ${consultationId})`.execute(db);
  await sql`insert into consultation_search (rowid, consultation_id, title, agenda, notes, outcome, actions)
    select rowid, id, ${doc.title}, ${doc.agenda}, ${doc.notes}, ${doc.outcome}, ${doc.actions}
    from consultations where id = ${consultationId}`.execute(db);
}

/** Join condition between `consultation_search` and `consultations as c`. */
export const searchJoin: RawBuilder<boolean> = sql<boolean>`consultation_search.rowid = c.rowid`;

/** `MATCH` over the search table; `ftsQuery` must come from `toFtsQuery` (quoted plain words). */
export function searchMatches(ftsQuery: string): RawBuilder<boolean> {
  return sql<boolean>`consultation_search match ${ftsQuery}`;
}

/** Relevance, lower is better: a title hit weighs most, then outcome and actions. */
export const searchRank: RawBuilder<number> = sql<number>`bm25(consultation_search, 0, 8, 2, 1, 3, 2)`;

/** Newest search documents first: FTS5 walks its index backwards by rowid, so a limit stops early. */
export const searchNewestFirst: RawBuilder<number> = sql<number>`consultation_search.rowid`;

/** Marks around matched words in a snippet: control characters no user text contains as markup. */
export const SNIPPET_OPEN = "\u0002";
export const SNIPPET_CLOSE = "\u0003";

/** The best-matching passage of any column, about 16 words, with matches marked. */
export const searchSnippet: RawBuilder<string> = sql<string>`snippet(consultation_search, -1, ${SNIPPET_OPEN}, ${SNIPPET_CLOSE}, '…', 16)`;

/**
 * Refreshes the query planner's statistics, sampling at most a thousand rows per index so that it
 * takes milliseconds at any size. Without them SQLite takes `visibility = ?` for a selective
 * index and walks every shared record to find one issue's links (decision 012).
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function refreshPlannerStatistics(db: Kysely<any>): Promise<void> {
  await sql`pragma analysis_limit = 1000`.execute(db);
  await sql`analyze`.execute(db);
}
