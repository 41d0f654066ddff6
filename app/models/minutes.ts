/** Codes of agreed minutes shared by the model and the UI that words them (`minutesRefusalText`). */

/** Why a write was refused, finer than the code: the UI words it (`minutesRefusalText`). */
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
