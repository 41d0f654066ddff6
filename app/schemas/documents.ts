import * as z from "zod";

import { requiredText, versionField } from "~/utils/forms";
import { DOCUMENT_ENTITY_TYPES, DOCUMENT_KINDS, VISIBILITIES } from "~db/schema";

/** The fields of a new document beside its file (the file is read by the upload reader). */
export const newDocumentSchema = z.object({
  title: requiredText(200, "Title"),
  kind: z.enum(DOCUMENT_KINDS, { error: "Choose a kind of document." }),
  visibility: z.enum(VISIBILITIES, { error: "Choose who may see this document." }),
});

/** A new upload of an existing document, or its archiving: the version the user saw. */
export const documentVersionSchema = z.object({ version: versionField });

/** Which record a new document is for: `/documents/new?on=consultation&id=…`. */
export const documentTargetSchema = z.object({
  on: z.enum(DOCUMENT_ENTITY_TYPES),
  id: z.string().min(1).max(64),
});
