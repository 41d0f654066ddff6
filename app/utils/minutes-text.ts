/**
 * The text of agreed minutes: Markdown whose paragraphs (blocks separated by a blank line) are
 * numbered from 1. Amendments name a paragraph by that number, so the text is kept in one
 * canonical form (trimmed blocks, one blank line between them, "\n" line ends): the same words
 * always give the same SHA-256 digest.
 */

export function paragraphsOf(body: string): string[] {
  return body
    .replace(/\r\n?/g, "\n")
    .split(/\n[ \t]*\n/)
    .map((p) => p.replace(/[ \t]+$/gm, "").trim())
    .filter((p) => p.length > 0);
}

export function canonicalMinutes(body: string): string {
  return paragraphsOf(body).join("\n\n");
}

/** The text with paragraph `number` (from 1) replaced; the replacement may itself hold several paragraphs. */
export function replaceParagraph(body: string, number: number, wording: string): string {
  const paragraphs = paragraphsOf(body);
  if (number < 1 || number > paragraphs.length) throw new RangeError(`no paragraph ${number}`);
  paragraphs[number - 1] = canonicalMinutes(wording);
  return paragraphs.join("\n\n");
}
