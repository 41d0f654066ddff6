/**
 * What the document routes share: a refusal answered next to its field, and the record a document
 * is on as the page shows it.
 */
import { data } from "@remix-run/node";

import type { DocumentRecord, FileRefusal } from "~/models/documents.server";
import { failure } from "~/utils/forms";

export const FILE_MESSAGES: Record<FileRefusal, string> = {
  file_missing: "Choose a file to upload.",
  file_empty: "The file is empty; choose a file with something in it.",
  file_type:
    "Accord accepts PDF, PNG, JPEG, Word (DOCX), Excel (XLSX), PowerPoint (PPTX), CSV and plain text files; this file is none of them.",
};

const FILE_STATUS: Record<FileRefusal, 400 | 415> = { file_missing: 400, file_empty: 400, file_type: 415 };

/** A refusal with its message beside the named fields. */
export function documentFailure(status: number, fieldErrors: Record<string, string>, values: Record<string, unknown> = {}) {
  return data(failure(fieldErrors, values), { status });
}

export function fileRefusalResponse(code: FileRefusal, values: Record<string, unknown> = {}) {
  return documentFailure(FILE_STATUS[code], { file: FILE_MESSAGES[code] }, values);
}

/** The record as a page names and links it (no access facts). */
export function recordLabel(record: DocumentRecord) {
  return {
    type: record.type,
    id: record.id,
    title: record.title,
    demand: record.demand ?? null,
    href: record.href,
    visibility: record.visibility,
  };
}
