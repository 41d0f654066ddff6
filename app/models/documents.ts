/** What pages show of a document in a record's list: client-safe, shared by the model and the list. */
import type { DocumentKind, Visibility } from "~db/schema";

/** A document as every view names it: what it is, its level, its current version, whether archived. */
export interface DocumentHead {
  id: string;
  title: string;
  kind: DocumentKind;
  visibility: Visibility;
  currentNumber: number;
  archivedAt: string | null;
}

export interface DocumentSummary extends DocumentHead {
  fileName: string;
  contentType: string;
  byteSize: number;
  uploadedAt: string;
}
