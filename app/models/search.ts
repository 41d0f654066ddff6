/**
 * What a person types into a search box, turned into an FTS5 query that means "all of these
 * words". FTS5 syntax (quotes, `*`, `NEAR(`, `AND`/`OR`/`NOT`, `column:` prefixes, `^`) is never
 * passed through: every word is quoted, so it cannot raise a syntax error or change the meaning.
 */
export const MAX_SEARCH_WORDS = 12;

/**
 * The words of a query: runs of letters, combining marks and digits, NFKC-normalised and
 * lower-cased, without repeats. Marks belong to the word: Devanagari vowel signs and the virama
 * are marks, and splitting on them turned `हिन्दी` into "ह न द".
 */
export function searchWords(input: string): string[] {
  const words =
    input
      .normalize("NFKC")
      .toLowerCase()
      .match(/[\p{L}\p{M}\p{N}]+/gu) ?? [];
  return [...new Set(words)].slice(0, MAX_SEARCH_WORDS);
}

/** An FTS5 query of quoted words joined by implicit AND, or null when nothing searchable is left. */
export function toFtsQuery(input: string): string | null {
  const words = searchWords(input);
  if (words.length === 0) return null;
  // A word is letters, marks and digits only, so it never contains a double quote to escape.
  return words.map((w) => `"${w}"`).join(" ");
}

/**
 * Scripts written without spaces between words. The word index cannot split them, so their
 * runs are searched as substrings: three characters or more through the trigram index, one or
 * two through the bigram columns of the word index (an FTS5 trigram MATCH needs three).
 */
const NO_SPACE_RUN = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\u30fc\u3005]+/gu;

function noSpaceRuns(text: string): string[] {
  return text.match(NO_SPACE_RUN) ?? [];
}

/** The columns of the search document, in the order of both indexes. */
export const SEARCH_COLUMNS = ["title", "agenda", "notes", "outcome", "actions"] as const;
export type SearchColumn = (typeof SEARCH_COLUMNS)[number];

/** Text as both indexes store it: NFKC, so a query normalised the same way finds it. */
export function normaliseForSearch(text: string): string {
  return text.normalize("NFKC");
}

/**
 * The bigram column of a text: for each run of a script without spaces, its overlapping pairs
 * and its last character, space-separated ("日本語" → "日本 本語 語"), so that a two-character
 * word is one indexed token and a one-character word a token prefix.
 */
export function noSpaceBigrams(text: string): string {
  const tokens: string[] = [];
  for (const run of noSpaceRuns(normaliseForSearch(text).toLowerCase())) {
    const chars = Array.from(run);
    for (let i = 0; i + 1 < chars.length; i++) tokens.push(chars[i]! + chars[i + 1]!);
    tokens.push(chars[chars.length - 1]!);
  }
  return tokens.join(" ");
}

/**
 * How a query is run: `words` is an FTS5 expression for the word index (with its bigram
 * columns), `substrings` one for the trigram index; a consultation must match both when both are
 * set. `needsOwnSnippet` says the word index's snippet would show bigram columns, not text.
 */
export interface SearchPlan {
  words: string | null;
  substrings: string | null;
  needsOwnSnippet: boolean;
  /** Every term, for highlighting a snippet made outside FTS5. */
  terms: string[];
}

const BIGRAM_COLUMNS = SEARCH_COLUMNS.map((c) => `${c}_cjk`).join(" ");

export function toSearchPlan(input: string): SearchPlan | null {
  const wordTerms: string[] = [];
  const shortTerms: string[] = [];
  const longTerms: string[] = [];
  for (const word of searchWords(input)) {
    // A word mixing scripts ("メモ2026") is split: each part is searched the way its script needs.
    const runs = noSpaceRuns(word);
    for (const run of runs) (Array.from(run).length >= 3 ? longTerms : shortTerms).push(run);
    for (const rest of word.split(NO_SPACE_RUN)) if (rest) wordTerms.push(rest);
  }
  const unique = (list: string[]) => [...new Set(list)];
  const [w, s, l] = [unique(wordTerms), unique(shortTerms), unique(longTerms)];
  if (w.length + s.length + l.length === 0) return null;
  // Every term is letters, marks and digits only: quoting it cannot break out of the string.
  const wordParts = [
    ...w.map((t) => `"${t}"`),
    // A two-character term is a bigram token; a single character is the prefix of one.
    ...s.map((t) => (Array.from(t).length === 2 ? `{${BIGRAM_COLUMNS}} : "${t}"` : `{${BIGRAM_COLUMNS}} : "${t}" *`)),
  ];
  return {
    words: wordParts.length > 0 ? wordParts.join(" AND ") : null,
    substrings: l.length > 0 ? l.map((t) => `"${t}"`).join(" ") : null,
    needsOwnSnippet: s.length > 0,
    terms: [...w, ...s, ...l],
  };
}

/**
 * A snippet cut from plain text around the first term found, terms marked, for queries whose
 * FTS5 snippet would come from the bigram columns. About `width` characters.
 */
export function snippetAround(
  columns: readonly string[],
  terms: readonly string[],
  open: string,
  close: string,
  width = 80,
): string {
  const lowered = terms.map((t) => t.toLowerCase()).filter(Boolean);
  for (const raw of columns) {
    const text = normaliseForSearch(raw);
    const lower = text.toLowerCase();
    const hits = lowered.map((t) => lower.indexOf(t)).filter((i) => i >= 0);
    if (hits.length === 0) continue;
    const first = Math.min(...hits);
    const start = Math.max(0, first - Math.floor(width / 3));
    const end = Math.min(text.length, start + width);
    let out = "";
    for (let i = start; i < end;) {
      const term = lowered.find((t) => lower.startsWith(t, i));
      if (term) {
        out += open + text.slice(i, i + term.length) + close;
        i += term.length;
      } else {
        out += text[i];
        i += 1;
      }
    }
    return `${start > 0 ? "…" : ""}${out}${end < text.length ? "…" : ""}`;
  }
  return normaliseForSearch(columns[0] ?? "").slice(0, width);
}

export interface SnippetPart {
  text: string;
  hit: boolean;
}

/** Splits a snippet marked with `open`/`close` into plain text parts, for rendering as text. */
export function splitSnippet(snippet: string, open: string, close: string): SnippetPart[] {
  const parts: SnippetPart[] = [];
  let rest = snippet;
  while (rest.length > 0) {
    const start = rest.indexOf(open);
    if (start === -1) {
      parts.push({ text: rest, hit: false });
      break;
    }
    if (start > 0) parts.push({ text: rest.slice(0, start), hit: false });
    const end = rest.indexOf(close, start + open.length);
    const stop = end === -1 ? rest.length : end;
    parts.push({ text: rest.slice(start + open.length, stop), hit: true });
    rest = end === -1 ? "" : rest.slice(end + close.length);
  }
  return parts.filter((p) => p.text.length > 0);
}
