import { sql, type Kysely } from "kysely";

// Frozen: never edit a migration once it has landed; add a new one.

/*
 * Search in every language. The word index is rebuilt so that Devanagari vowel signs, the virama
 * and other combining marks are part of a word (unicode61 treats marks as separators: `हिन्दी`
 * became "ह न द"), and gains a bigram column per text column for scripts written without spaces
 * (a one- or two-character Japanese word is one token there). Beside it a trigram index finds any
 * substring of three characters or more (`日本語` inside `日本語のメモ`).
 */

// Marks of the Devanagari block (signs, vowel signs, virama, nukta, stress and vowel signs).
const DEVANAGARI_MARKS = [0x0900, 0x0901, 0x0902, 0x0903, 0x093a, 0x093b, 0x093c, ...range(0x093e, 0x094f), ...range(0x0951, 0x0957), 0x0962, 0x0963]
  .map((c) => String.fromCodePoint(c))
  .join("");

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}

const COLUMNS = ["title", "agenda", "notes", "outcome", "actions"] as const;

// A frozen copy of the bigram rule at the time of this migration (app/utils/search.ts keeps the live one).
const NO_SPACE_RUN = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\u30fc\u3005]+/gu;
function bigrams(text: string): string {
  const tokens: string[] = [];
  for (const run of text.normalize("NFKC").toLowerCase().match(NO_SPACE_RUN) ?? []) {
    const chars = Array.from(run);
    for (let i = 0; i + 1 < chars.length; i++) tokens.push(chars[i]! + chars[i + 1]!);
    tokens.push(chars[chars.length - 1]!);
  }
  return tokens.join(" ");
}

type Row = { rowid: number; consultation_id: string } & Record<(typeof COLUMNS)[number], string | null>;

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
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

  const rows = (await sql<Row>`select rowid, consultation_id, title, agenda, notes, outcome, actions from consultation_search`.execute(db)).rows;
  for (const r of rows) {
    const text = COLUMNS.map((c) => (r[c] ?? "").normalize("NFKC"));
    await sql`insert into consultation_search_next (rowid, consultation_id, title, agenda, notes, outcome, actions, title_cjk, agenda_cjk, notes_cjk, outcome_cjk, actions_cjk)
      values (${r.rowid}, ${r.consultation_id}, ${text[0]}, ${text[1]}, ${text[2]}, ${text[3]}, ${text[4]},
        ${bigrams(text[0]!)}, ${bigrams(text[1]!)}, ${bigrams(text[2]!)}, ${bigrams(text[3]!)}, ${bigrams(text[4]!)})`.execute(db);
    await sql`insert into consultation_search_trigram (rowid, consultation_id, title, agenda, notes, outcome, actions)
      values (${r.rowid}, ${r.consultation_id}, ${text[0]}, ${text[1]}, ${text[2]}, ${text[3]}, ${text[4]})`.execute(db);
  }
  await sql`drop table consultation_search`.execute(db);
  await sql`alter table consultation_search_next rename to consultation_search`.execute(db);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
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
