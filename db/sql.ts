/**
 * Every raw SQL fragment Accord uses lives here, so a port to PostgreSQL has one file to read.
 * Everything else is built with Kysely's portable query builder.
 */
import { CompiledQuery, sql, type Kysely, type RawBuilder } from "kysely";

import { noSpaceBigrams, normaliseForSearch, SEARCH_COLUMNS, type SearchPlan } from "~/utils/search";

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
  const text = SEARCH_COLUMNS.map((c) => normaliseForSearch(doc[c]));
  const [title, agenda, notes, outcome, actions] = text as [string, string, string, string, string];
  const [titleCjk, agendaCjk, notesCjk, outcomeCjk, actionsCjk] = text.map(noSpaceBigrams) as [string, string, string, string, string];
  for (const table of ["consultation_search", "consultation_search_trigram"] as const) {
    await sql`delete from ${sql.table(table)} where rowid = (select rowid from consultations where id = ${consultationId})`.execute(db);
  }
  await sql`insert into consultation_search (rowid, consultation_id, title, agenda, notes, outcome, actions, title_cjk, agenda_cjk, notes_cjk, outcome_cjk, actions_cjk)
    select rowid, id, ${title}, ${agenda}, ${notes}, ${outcome}, ${actions}, ${titleCjk}, ${agendaCjk}, ${notesCjk}, ${outcomeCjk}, ${actionsCjk}
    from consultations where id = ${consultationId}`.execute(db);
  await sql`insert into consultation_search_trigram (rowid, consultation_id, title, agenda, notes, outcome, actions)
    select rowid, id, ${title}, ${agenda}, ${notes}, ${outcome}, ${actions}
    from consultations where id = ${consultationId}`.execute(db);
}

/** Join condition between `consultation_search` and `consultations as c`. */
export const searchJoin: RawBuilder<boolean> = sql<boolean>`consultation_search.rowid = c.rowid`;

/** Join condition between `consultation_search_trigram` and `consultations as c`. */
export const trigramJoin: RawBuilder<boolean> = sql<boolean>`consultation_search_trigram.rowid = c.rowid`;

/** `MATCH` over the word index; the expression must come from `toSearchPlan` or `toFtsQuery` (quoted plain words). */
export function searchMatches(ftsQuery: string): RawBuilder<boolean> {
  return sql<boolean>`consultation_search match ${ftsQuery}`;
}

/** `MATCH` over the trigram index; the expression must come from `toSearchPlan` (quoted runs of 3+ characters). */
export function trigramMatches(ftsQuery: string): RawBuilder<boolean> {
  return sql<boolean>`consultation_search_trigram match ${ftsQuery}`;
}

/**
 * Consultations (`c`) matching a search plan: the word index and the trigram index each by
 * rowid, both when both are set. For filters that need no rank.
 */
export function searchPlanMatches(plan: SearchPlan): RawBuilder<boolean> {
  const parts: RawBuilder<boolean>[] = [];
  if (plan.words) parts.push(sql<boolean>`c.rowid in (select rowid from consultation_search where consultation_search match ${plan.words})`);
  if (plan.substrings) parts.push(sql<boolean>`c.rowid in (select rowid from consultation_search_trigram where consultation_search_trigram match ${plan.substrings})`);
  return parts.length > 0 ? sql<boolean>`(${sql.join(parts, sql` and `)})` : sql<boolean>`0`;
}

/**
 * Relevance, lower is better: a title hit weighs most, then outcome and actions; the bigram
 * columns weigh as their text columns do.
 */
export const searchRank: RawBuilder<number> = sql<number>`bm25(consultation_search, 0, 8, 2, 1, 3, 2, 8, 2, 1, 3, 2)`;

/** The same weights over the trigram index, for queries that only it can answer. */
export const trigramRank: RawBuilder<number> = sql<number>`bm25(consultation_search_trigram, 0, 8, 2, 1, 3, 2)`;

/** Marks around matched words in a snippet: control characters no user text contains as markup. */
export const SNIPPET_OPEN = "\u0002";
export const SNIPPET_CLOSE = "\u0003";

/** The best-matching passage of any column, about 16 words, with matches marked. */
export const searchSnippet: RawBuilder<string> = sql<string>`snippet(consultation_search, -1, ${SNIPPET_OPEN}, ${SNIPPET_CLOSE}, '…', 16)`;

/** The same from the trigram index; a "token" there is a character, so the window is wider. */
export const trigramSnippet: RawBuilder<string> = sql<string>`snippet(consultation_search_trigram, -1, ${SNIPPET_OPEN}, ${SNIPPET_CLOSE}, '…', 40)`;
