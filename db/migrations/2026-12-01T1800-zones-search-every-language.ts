import type { Kysely } from "kysely";

import { rebuildSearchForEveryLanguage, revertSearchForEveryLanguage } from "../sql";

// Frozen: never edit a migration once it has landed; add a new one.

/*
 * Search in every language. The word index is rebuilt so that Devanagari vowel signs, the virama
 * and other combining marks are part of a word (unicode61 treats marks as separators: `हिन्दी`
 * became "ह न द"), and gains a bigram column per text column for scripts written without spaces
 * (a one- or two-character Japanese word is one token there). Beside it a trigram index finds any
 * substring of three characters or more (`日本語` inside `日本語のメモ`).
 */

// A frozen copy of the bigram rule at the time of this migration (app/models/search.ts keeps the live one).
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

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  // The SQL is dialect-branched in db/sql.ts; on PostgreSQL the existing table already matches.
  await rebuildSearchForEveryLanguage(db, bigrams);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await revertSearchForEveryLanguage(db);
}
