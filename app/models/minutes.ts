/**
 * Pure rules of agreed minutes, shared by the model and the pages: the text's numbered paragraphs,
 * and the refusal codes the page words from the catalogs (`minutesPage.refusal.*`).
 */

/** Why a write was refused, finer than the code: the page words it (`minutesPage.refusal.<why>`). */
export type MinutesWhy =
  | "not_drafter"
  | "frozen"
  | "not_draft"
  | "empty"
  | "not_party"
  | "not_circulated"
  | "already_confirmed"
  | "amending"
  | "paragraph_range"
  | "same_wording"
  | "unknown_amendment"
  | "not_agreed"
  | "exists";

export interface MinutesRefusalDetail {
  why: MinutesWhy;
  /** The form field the refusal belongs beside, when there is one. */
  field?: "body" | "paragraph" | "proposedText";
  /** The version concerned. */
  number?: number;
  /** How many paragraphs that version has. */
  paragraphs?: number;
}

/**
 * The text: Markdown whose paragraphs (blocks separated by a blank line) are
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
