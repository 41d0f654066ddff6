/**
 * Every raw SQL fragment Accord uses lives here, so each dialect's SQL has one file to read.
 * Everything else is built with Kysely's portable query builder. Helpers branch on the dialect of
 * the database (or transaction) they are given: SQLite by default, PostgreSQL when it is one.
 */
import { CompiledQuery, PostgresAdapter, sql, type Kysely, type RawBuilder } from "kysely";

import { normaliseForSearch, noSpaceBigrams, SEARCH_COLUMNS, type SearchPlan } from "~/models/search";

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

// Marks of the Devanagari block (signs, vowel signs, virama, nukta, stress and vowel signs): FTS5's
// unicode61 treats marks as separators, so `हिन्दी` would become "ह न द" without them as token characters.
const DEVANAGARI_MARKS = [
  0x0900,
  0x0901,
  0x0902,
  0x0903,
  0x093a,
  0x093b,
  0x093c,
  ...codePointRange(0x093e, 0x094f),
  ...codePointRange(0x0951, 0x0957),
  0x0962,
  0x0963,
]
  .map((c) => String.fromCodePoint(c))
  .join("");

function codePointRange(from: number, to: number): number[] {
  return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}

/**
 * Search in every language (migration 2026-12-01T1800). SQLite: the word index is rebuilt under
 * the same name with Devanagari marks as token characters and a bigram (`*_cjk`) column per text
 * column for scripts written without spaces; beside it a trigram index finds any substring of
 * three characters or more. `bigrams` is the migration's frozen copy of the bigram rule.
 * PostgreSQL: nothing to do. Its table already matches words of scripts other than Latin as
 * lower-cased substrings of `body` (pg_trgm), which covers Japanese and Devanagari alike.
 */
export async function rebuildSearchForEveryLanguage(db: AnyDb, bigrams: (text: string) => string): Promise<void> {
  if (dialectOf(db) === "postgres") return;
  await sql`create virtual table consultation_search_next using fts5(
    consultation_id unindexed,
    title, agenda, notes, outcome, actions,
    title_cjk, agenda_cjk, notes_cjk, outcome_cjk, actions_cjk,
    tokenize = ${sql.raw(`"porter unicode61 remove_diacritics 2 tokenchars '${DEVANAGARI_MARKS}'"`)}
  )`.execute(db);
  await sql`create virtual table consultation_search_trigram using fts5(
    consultation_id unindexed,
    title, agenda, notes, outcome, actions,
    tokenize = 'trigram case_sensitive 0'
  )`.execute(db);
  type Row = { rowid: number; consultation_id: string } & Record<(typeof SEARCH_COLUMNS)[number], string | null>;
  const rows = (
    await sql<Row>`select rowid, consultation_id, title, agenda, notes, outcome, actions from consultation_search`.execute(db)
  ).rows;
  for (const r of rows) {
    const text = SEARCH_COLUMNS.map((c) => (r[c] ?? "").normalize("NFKC"));
    await sql`insert into consultation_search_next (rowid, consultation_id, title, agenda, notes, outcome, actions, title_cjk, agenda_cjk, notes_cjk, outcome_cjk, actions_cjk)
      values (${r.rowid}, ${r.consultation_id}, ${text[0]}, ${text[1]}, ${text[2]}, ${text[3]}, ${text[4]},
        ${bigrams(text[0]!)}, ${bigrams(text[1]!)}, ${bigrams(text[2]!)}, ${bigrams(text[3]!)}, ${bigrams(text[4]!)})`.execute(
      db,
    );
    await sql`insert into consultation_search_trigram (rowid, consultation_id, title, agenda, notes, outcome, actions)
      values (${r.rowid}, ${r.consultation_id}, ${text[0]}, ${text[1]}, ${text[2]}, ${text[3]}, ${text[4]})`.execute(db);
  }
  await sql`drop table consultation_search`.execute(db);
  await sql`alter table consultation_search_next rename to consultation_search`.execute(db);
}

/** Undoes `rebuildSearchForEveryLanguage` (nothing on PostgreSQL). */
export async function revertSearchForEveryLanguage(db: AnyDb): Promise<void> {
  if (dialectOf(db) === "postgres") return;
  await sql`create virtual table consultation_search_previous using fts5(
    consultation_id unindexed, title, agenda, notes, outcome, actions,
    tokenize = 'porter unicode61 remove_diacritics 2'
  )`.execute(db);
  await sql`insert into consultation_search_previous (rowid, consultation_id, title, agenda, notes, outcome, actions)
    select rowid, consultation_id, title, agenda, notes, outcome, actions from consultation_search`.execute(db);
  await sql`drop table consultation_search`.execute(db);
  await sql`drop table consultation_search_trigram`.execute(db);
  await sql`alter table consultation_search_previous rename to consultation_search`.execute(db);
}

export async function replaceSearchDocument(db: AnyDb, consultationId: string, doc: SearchDocument): Promise<void> {
  const text = SEARCH_COLUMNS.map((c) => normaliseForSearch(doc[c]));
  const [title, agenda, notes, outcome, actions] = text as [string, string, string, string, string];
  if (dialectOf(db) === "postgres") {
    await sql`insert into consultation_search (consultation_id, title, agenda, notes, outcome, actions)
      values (${consultationId}, ${title}, ${agenda}, ${notes}, ${outcome}, ${actions})
      on conflict (consultation_id) do update set title = excluded.title, agenda = excluded.agenda,
        notes = excluded.notes, outcome = excluded.outcome, actions = excluded.actions`.execute(db);
    return;
  }
  const [titleCjk, agendaCjk, notesCjk, outcomeCjk, actionsCjk] = text.map(noSpaceBigrams) as [
    string,
    string,
    string,
    string,
    string,
  ];
  for (const table of ["consultation_search", "consultation_search_trigram"] as const) {
    await sql`delete from ${sql.table(table)} where rowid = (select rowid from consultations where id = ${consultationId})`.execute(
      db,
    );
  }
  await sql`insert into consultation_search (rowid, consultation_id, title, agenda, notes, outcome, actions, title_cjk, agenda_cjk, notes_cjk, outcome_cjk, actions_cjk)
    select rowid, id, ${title}, ${agenda}, ${notes}, ${outcome}, ${actions}, ${titleCjk}, ${agendaCjk}, ${notesCjk}, ${outcomeCjk}, ${actionsCjk}
    from consultations where id = ${consultationId}`.execute(db);
  await sql`insert into consultation_search_trigram (rowid, consultation_id, title, agenda, notes, outcome, actions)
    select rowid, id, ${title}, ${agenda}, ${notes}, ${outcome}, ${actions}
    from consultations where id = ${consultationId}`.execute(db);
}

/** Join condition between `consultation_search` and `consultations as c`. */
export function searchJoin(db: AnyDb): RawBuilder<boolean> {
  if (dialectOf(db) === "postgres") return sql<boolean>`consultation_search.consultation_id = c.id`;
  return sql<boolean>`consultation_search.rowid = c.rowid`;
}

/** Han, kana and Hangul are written without spaces between words: they are matched as substrings. */
const UNSPACED = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;

/**
 * Any other script but Latin (Devanagari, …): the English word parser would cut such a word at its
 * combining marks, so PostgreSQL matches it as a whole word of `body`, between spaces or
 * punctuation (pg_trgm indexes the regular expression too). `ह` then does not match `हिन्दी`.
 */
const NOT_LATIN = /[^\p{Script=Latin}\p{Script=Common}\p{Script=Inherited}]/u;

/** Whether a search's snippet must be cut from the text (`snippetAround`) rather than by the database. */
export function searchNeedsOwnSnippet(db: AnyDb, plan: SearchPlan): boolean {
  if (dialectOf(db) === "postgres") return plan.terms.some((w) => NOT_LATIN.test(w));
  return plan.needsOwnSnippet || !plan.words;
}

function wordTsQuery(words: string[]): RawBuilder<unknown> {
  return sql`plainto_tsquery('english'::regconfig, ${words.join(" ")}::text)`;
}

/**
 * Every term of the plan matches (plans come from `toSearchPlan`: quoted plain words). SQLite:
 * words (and bigrams of short Japanese runs) in the word index, runs of three characters or more
 * in the trigram index, by rowid. PostgreSQL: words in the tsvector, other scripts as substrings.
 */
export function searchMatches(db: AnyDb, plan: SearchPlan): RawBuilder<boolean> {
  if (dialectOf(db) === "postgres") {
    const words = plan.terms;
    if (words.length === 0) return sql<boolean>`false`;
    // A word is letters and digits only, so it holds no LIKE wildcard to escape. A stop word
    // ("the") has no tsquery; FTS5 indexes every word, so it is matched as a substring instead.
    // A word is letters, marks and digits only: no LIKE wildcard or regular-expression operator.
    const each = words.map((w) =>
      UNSPACED.test(w)
        ? sql<boolean>`consultation_search.body like ${`%${w.toLowerCase()}%`}`
        : NOT_LATIN.test(w)
          ? sql<boolean>`consultation_search.body ~ ${`(^|[[:space:][:punct:]])${w.toLowerCase()}($|[[:space:][:punct:]])`}`
          : sql<boolean>`(case when numnode(${wordTsQuery([w])}) = 0 then consultation_search.body like ${`%${w.toLowerCase()}%`} else consultation_search.document @@ ${wordTsQuery([w])} end)`,
    );
    return sql<boolean>`(${sql.join(each, sql` and `)})`;
  }
  const parts: RawBuilder<boolean>[] = [];
  if (plan.words) parts.push(sql<boolean>`consultation_search match ${plan.words}`);
  if (plan.substrings)
    parts.push(
      sql<boolean>`consultation_search.rowid in (select rowid from consultation_search_trigram where consultation_search_trigram match ${plan.substrings})`,
    );
  return parts.length > 0 ? sql<boolean>`(${sql.join(parts, sql` and `)})` : sql<boolean>`0`;
}

/**
 * Relevance, lower is better: a title hit weighs most, then outcome and actions; the bigram
 * columns weigh as their text columns do. A plan only the trigram index answers is not ranked
 * (bm25 needs a MATCH on its own table): newest first decides.
 */
export function searchRank(db: AnyDb, plan: SearchPlan): RawBuilder<number> {
  if (dialectOf(db) === "postgres") {
    const words = plan.terms.filter((w) => !NOT_LATIN.test(w));
    if (words.length === 0) return sql<number>`0`;
    return sql<number>`(0 - ts_rank(consultation_search.document, ${wordTsQuery(words)}))`;
  }
  if (!plan.words) return sql<number>`0`;
  return sql<number>`bm25(consultation_search, 0, 8, 2, 1, 3, 2, 8, 2, 1, 3, 2)`;
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
export function searchSnippet(db: AnyDb, plan: SearchPlan): RawBuilder<string> {
  if (dialectOf(db) === "postgres") {
    const words = plan.terms;
    const latin = words.filter((w) => !NOT_LATIN.test(w));
    const text = sql`(consultation_search.title || ' ' || consultation_search.agenda || ' ' || consultation_search.notes || ' ' || consultation_search.outcome || ' ' || consultation_search.actions)`;
    let snippet = sql<string>`ts_headline('english'::regconfig, ${text}, ${wordTsQuery(latin)}, ${HEADLINE_OPTIONS}::text)`;
    // ts_headline knows words only; a substring word of an unspaced script is marked here.
    for (const w of words.filter((x) => NOT_LATIN.test(x))) {
      snippet = sql<string>`replace(${snippet}, ${w}::text, ${SNIPPET_OPEN + w + SNIPPET_CLOSE}::text)`;
    }
    return snippet;
  }
  // Without a word-index MATCH there is no FTS5 snippet; the caller makes its own (`snippetAround`).
  if (!plan.words) return sql<string>`''`;
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
