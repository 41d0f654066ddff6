/** A comment as pages show it: client-safe, for the model and the comment list. */
import type { Visibility } from "~db/schema";

export interface CommentView {
  id: string;
  authorName: string;
  authorOrganization: string;
  createdAt: string;
  visibility: Visibility;
  /** Rendered on the server by the safe Markdown renderer. */
  html: string;
}
