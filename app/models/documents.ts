/** What pages show of a document in a record's list: client-safe, shared by the model and the list. */
import type { DocumentKind, Visibility } from "~db/schema";

export interface DocumentSummary {
  id: string;
  title: string;
  kind: DocumentKind;
  visibility: Visibility;
  currentNumber: number;
  archivedAt: string | null;
  fileName: string;
  contentType: string;
  byteSize: number;
  uploadedAt: string;
}
