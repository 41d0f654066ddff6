/**
 * Every raw SQL fragment Accord uses lives here, so each dialect's SQL has one file to read.
 * Everything else is built with Kysely's portable query builder. Helpers branch on the dialect of
 * the database (or transaction) they are given: SQLite by default, PostgreSQL when it is one.
 */
import { CompiledQuery, PostgresAdapter, sql, type Kysely, type RawBuilder } from "kysely";

import type { Dialect } from "./connection";

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

/** The dialect behind a database or transaction handle. */
export function dialectOf(db: AnyDb): Dialect {
  return db.getExecutor().adapter instanceof PostgresAdapter ? "postgres" : "sqlite";
}

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
  if (dialectOf(db) === "postgres") {
    const plan = await db.executeQuery<{ "QUERY PLAN": string }>(
      CompiledQuery.raw(`explain ${compiled.sql}`, [...compiled.parameters]),
    );
    return plan.rows.map((r) => r["QUERY PLAN"]);
  }
  const result = await db.executeQuery<{ detail: string }>(
    CompiledQuery.raw(`explain query plan ${compiled.sql}`, [...compiled.parameters]),
  );
  return result.rows.map((r) => r.detail);
}

/**
 * A column compared without its index (`+column`): the planner then keeps to the index the
 * ORDER BY walks instead of one it would have to merge and sort. PostgreSQL: the column itself.
 */
export function withoutIndex<T = string>(db: AnyDb, column: string): RawBuilder<T> {
  if (dialectOf(db) === "postgres") return sql<T>`${sql.ref(column)}`;
  return sql<T>`+${sql.ref(column)}`;
}

/**
 * A top-level text field of a JSON text column, e.g. the `visibility` an audit snapshot recorded.
 */
export function jsonTextField(db: AnyDb, column: string, field: string): RawBuilder<string | null> {
  if (dialectOf(db) === "postgres") return sql<string | null>`(${sql.ref(column)}::jsonb ->> ${sql.lit(plainField(field))})`;
  return sql<string | null>`json_extract(${sql.ref(column)}, ${jsonPath(field)})`;
}

/**
 * Whether a top-level array field of a JSON text column holds a value, e.g. an organization among
 * the parties an audit snapshot recorded. False when the column is null or the field is missing.
 */
export function jsonArrayIncludes(db: AnyDb, column: string, field: string, value: string): RawBuilder<boolean> {
  if (dialectOf(db) === "postgres") {
    return sql<boolean>`coalesce((${sql.ref(column)}::jsonb -> ${sql.lit(plainField(field))}) @> jsonb_build_array(${value}::text), false)`;
  }
  return sql<boolean>`exists (select 1 from json_each(${sql.ref(column)}, ${jsonPath(field)}) where json_each.value = ${value})`;
}

/** Only plain names, so no caller can reach into a path (and a literal is safe to inline). */
function plainField(field: string): string {
  if (!/^[a-z_]+$/.test(field)) throw new Error("JSON field helpers take a plain field name");
  return field;
}

function jsonPath(field: string): string {
  return `$.${plainField(field)}`;
}

// ---- Consultation full-text search ------------------------------------------------------------
// SQLite: an FTS5 table sharing the consultation's rowid, so updates and joins are by integer key.
// PostgreSQL: a table keyed by consultation id with a generated, weighted tsvector (GIN index) for
// words and a generated lower-cased text (pg_trgm GIN index) for substrings in scripts written
// without spaces, such as Japanese, which a word parser would keep as one long token.

export interface SearchDocument {
  title: string;
  agenda: string;
  notes: string;
  outcome: string;
  actions: string;
}

/** Creates the search table; called by the migration that introduced search. */
export async function createConsultationSearch(db: AnyDb): Promise<void> {
  if (dialectOf(db) === "postgres") {
    await sql`create extension if not exists pg_trgm`.execute(db);
    await sql`create table consultation_search (
      consultation_id text primary key references consultations (id),
      title text not null default '',
      agenda text not null default '',
      notes text not null default '',
      outcome text not null default '',
      actions text not null default '',
      document tsvector generated always as (
        setweight(to_tsvector('english'::regconfig, title), 'A') ||
        setweight(to_tsvector('english'::regconfig, outcome), 'B') ||
        setweight(to_tsvector('english'::regconfig, agenda || ' ' || actions), 'C') ||
        setweight(to_tsvector('english'::regconfig, notes), 'D')
      ) stored,
      body text generated always as (lower(title || ' ' || agenda || ' ' || notes || ' ' || outcome || ' ' || actions)) stored
    )`.execute(db);
    await sql`create index consultation_search_document_idx on consultation_search using gin (document)`.execute(db);
    await sql`create index consultation_search_body_trgm_idx on consultation_search using gin (body gin_trgm_ops)`.execute(db);
    return;
  }
  await sql`create virtual table consultation_search using fts5(
    consultation_id unindexed,
    title,
    agenda,
    notes,
    outcome,
    actions,
    tokenize = 'porter unicode61 remove_diacritics 2'
  )`.execute(db);
}

export async function dropConsultationSearch(db: AnyDb): Promise<void> {
  await sql`drop table consultation_search`.execute(db);
}

export async function replaceSearchDocument(db: AnyDb, consultationId: string, doc: SearchDocument): Promise<void> {
  if (dialectOf(db) === "postgres") {
    await sql`insert into consultation_search (consultation_id, title, agenda, notes, outcome, actions)
      values (${consultationId}, ${doc.title}, ${doc.agenda}, ${doc.notes}, ${doc.outcome}, ${doc.actions})
      on conflict (consultation_id) do update set title = excluded.title, agenda = excluded.agenda,
        notes = excluded.notes, outcome = excluded.outcome, actions = excluded.actions`.execute(db);
    return;
  }
  await sql`delete from consultation_search where rowid = (select rowid from consultations where id = ${consultationId})`.execute(
    db,
  );
  await sql`insert into consultation_search (rowid, consultation_id, title, agenda, notes, outcome, actions)
    select rowid, id, ${doc.title}, ${doc.agenda}, ${doc.notes}, ${doc.outcome}, ${doc.actions}
    from consultations where id = ${consultationId}`.execute(db);
}

/** Join condition between `consultation_search` and `consultations as c`. */
export function searchJoin(db: AnyDb): RawBuilder<boolean> {
  if (dialectOf(db) === "postgres") return sql<boolean>`consultation_search.consultation_id = c.id`;
  return sql<boolean>`consultation_search.rowid = c.rowid`;
}

/** The words of a query made by `toFtsQuery`: quoted plain words. */
function ftsWords(ftsQuery: string): string[] {
  return [...ftsQuery.matchAll(/"([^"]+)"/g)].map((m) => m[1]!);
}

/** Han, kana and Hangul are written without spaces between words: they are matched as substrings. */
const UNSPACED = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;

function wordTsQuery(words: string[]): RawBuilder<unknown> {
  return sql`plainto_tsquery('english'::regconfig, ${words.join(" ")}::text)`;
}

/** Every word of the query matches; `ftsQuery` must come from `toFtsQuery` (quoted plain words). */
export function searchMatches(db: AnyDb, ftsQuery: string): RawBuilder<boolean> {
  if (dialectOf(db) === "postgres") {
    const words = ftsWords(ftsQuery);
    if (words.length === 0) return sql<boolean>`false`;
    // A word is letters and digits only, so it holds no LIKE wildcard to escape. A stop word
    // ("the") has no tsquery; FTS5 indexes every word, so it is matched as a substring instead.
    const each = words.map((w) =>
      UNSPACED.test(w)
        ? sql<boolean>`consultation_search.body like ${`%${w}%`}`
        : sql<boolean>`(case when numnode(${wordTsQuery([w])}) = 0 then consultation_search.body like ${`%${w}%`} else consultation_search.document @@ ${wordTsQuery([w])} end)`,
    );
    return sql<boolean>`(${sql.join(each, sql` and `)})`;
  }
  return sql<boolean>`consultation_search match ${ftsQuery}`;
}

/** Relevance, lower is better: a title hit weighs most, then outcome and actions. */
export function searchRank(db: AnyDb, ftsQuery: string): RawBuilder<number> {
  if (dialectOf(db) === "postgres") {
    const words = ftsWords(ftsQuery).filter((w) => !UNSPACED.test(w));
    if (words.length === 0) return sql<number>`0`;
    return sql<number>`(0 - ts_rank(consultation_search.document, ${wordTsQuery(words)}))`;
  }
  return sql<number>`bm25(consultation_search, 0, 8, 2, 1, 3, 2)`;
}

/**
 * Newest search documents first: FTS5 walks its index backwards by rowid, so a limit stops early;
 * PostgreSQL orders the matches by the consultation's creation.
 */
export function searchNewestFirst(db: AnyDb): RawBuilder<string | number> {
  if (dialectOf(db) === "postgres") return sql<string>`c.created_at`;
  return sql<number>`consultation_search.rowid`;
}

/** Marks around matched words in a snippet: control characters no user text contains as markup. */
export const SNIPPET_OPEN = "\u0002";
export const SNIPPET_CLOSE = "\u0003";

const HEADLINE_OPTIONS = `StartSel=${SNIPPET_OPEN}, StopSel=${SNIPPET_CLOSE}, MaxWords=16, MinWords=8, ShortWord=0, MaxFragments=1, FragmentDelimiter=…`;

/** The best-matching passage of any column, about 16 words, with matches marked. */
export function searchSnippet(db: AnyDb, ftsQuery: string): RawBuilder<string> {
  if (dialectOf(db) === "postgres") {
    const words = ftsWords(ftsQuery);
    const latin = words.filter((w) => !UNSPACED.test(w));
    const text = sql`(consultation_search.title || ' ' || consultation_search.agenda || ' ' || consultation_search.notes || ' ' || consultation_search.outcome || ' ' || consultation_search.actions)`;
    let snippet = sql<string>`ts_headline('english'::regconfig, ${text}, ${wordTsQuery(latin)}, ${HEADLINE_OPTIONS}::text)`;
    // ts_headline knows words only; a substring word of an unspaced script is marked here.
    for (const w of words.filter((x) => UNSPACED.test(x))) {
      snippet = sql<string>`replace(${snippet}, ${w}::text, ${SNIPPET_OPEN + w + SNIPPET_CLOSE}::text)`;
    }
    return snippet;
  }
  return sql<string>`snippet(consultation_search, -1, ${SNIPPET_OPEN}, ${SNIPPET_CLOSE}, '…', 16)`;
}

/**
 * Refreshes the query planner's statistics. SQLite samples at most a thousand rows per index so
 * that it takes milliseconds at any size; without them it takes `visibility = ?` for a selective
 * index and walks every shared record to find one issue's links (decision 012).
 */
export async function refreshPlannerStatistics(db: AnyDb): Promise<void> {
  if (dialectOf(db) === "sqlite") await sql`pragma analysis_limit = 1000`.execute(db);
  await sql`analyze`.execute(db);
}

// ---- Whole-database tools: backup checks and db:copy ------------------------------------------

/** `PRAGMA integrity_check` on SQLite ("ok" when sound); PostgreSQL checks itself: "ok". */
export async function integrityCheck(db: AnyDb): Promise<string> {
  if (dialectOf(db) === "postgres") return "ok";
  const { rows } = await sql<{ integrity_check: string }>`pragma integrity_check`.execute(db);
  return rows.map((r) => r.integrity_check).join("; ");
}

/** The tables a table's foreign keys point at (itself included when it refers to itself). */
export async function referencedTables(db: AnyDb, table: string): Promise<string[]> {
  if (dialectOf(db) === "postgres") {
    const { rows } = await sql<{ parent: string }>`select distinct confrelid::regclass::text as parent
      from pg_constraint where contype = 'f' and conrelid = ${table}::regclass`.execute(db);
    return rows.map((r) => r.parent.replace(/^"|"$/g, ""));
  }
  const { rows } = await sql<{ table: string }>`select distinct "table" from pragma_foreign_key_list(${table})`.execute(db);
  return rows.map((r) => r.table);
}

/** Self-referencing foreign key columns of a table, e.g. a decision that supersedes another. */
export async function selfReferences(db: AnyDb, table: string): Promise<{ column: string; references: string }[]> {
  if (dialectOf(db) === "postgres") {
    const { rows } = await sql<{ column: string; references: string }>`select a.attname as column, r.attname as references
      from pg_constraint c
      join pg_attribute a on a.attrelid = c.conrelid and a.attnum = c.conkey[1]
      join pg_attribute r on r.attrelid = c.confrelid and r.attnum = c.confkey[1]
      where c.contype = 'f' and c.conrelid = ${table}::regclass and c.confrelid = c.conrelid`.execute(db);
    return rows;
  }
  const { rows } = await sql<{
    from: string;
    to: string;
  }>`select "from", "to" from pragma_foreign_key_list(${table}) where "table" = ${table}`.execute(db);
  return rows.map((r) => ({ column: r.from, references: r.to }));
}

/** Whether a database holds no Accord tables yet (a fresh target for a restore). */
export async function hasNoTables(db: AnyDb): Promise<boolean> {
  const tables = await db.introspection.getTables({ withInternalKyselyTables: true });
  return tables.length === 0;
}

/** The search documents as stored, to carry them to another database. */
export async function readSearchDocuments(db: AnyDb): Promise<(SearchDocument & { consultation_id: string })[]> {
  const { rows } = await sql<
    SearchDocument & { consultation_id: string }
  >`select consultation_id, title, agenda, notes, outcome, actions
    from consultation_search order by consultation_id`.execute(db);
  return rows;
}

/** Empties a throwaway PostgreSQL database (every table of its public schema), for test runs. */
export async function resetPostgresSchema(db: AnyDb): Promise<void> {
  if (dialectOf(db) !== "postgres") throw new Error("resetPostgresSchema is for PostgreSQL");
  await sql`drop schema public cascade`.execute(db);
  await sql`create schema public`.execute(db);
}
