/**
 * What a person types into a search box, turned into an FTS5 query that means "all of these
 * words". FTS5 syntax (quotes, `*`, `NEAR(`, `AND`/`OR`/`NOT`, `column:` prefixes, `^`) is never
 * passed through: every word is quoted, so it cannot raise a syntax error or change the meaning.
 */
export const MAX_SEARCH_WORDS = 12;

/** The words of a query: runs of letters and digits, lower-cased, without repeats. */
export function searchWords(input: string): string[] {
  const words =
    input
      .normalize("NFKC")
      .toLowerCase()
      .match(/[\p{L}\p{N}]+/gu) ?? [];
  return [...new Set(words)].slice(0, MAX_SEARCH_WORDS);
}

/** An FTS5 query of quoted words joined by implicit AND, or null when nothing searchable is left. */
export function toFtsQuery(input: string): string | null {
  const words = searchWords(input);
  if (words.length === 0) return null;
  // A word is letters and digits only, so it never contains a double quote to escape.
  return words.map((w) => `"${w}"`).join(" ");
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
