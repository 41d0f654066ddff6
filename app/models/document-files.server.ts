/**
 * What a document file is, decided from its bytes, never from its name: an allow-list of types
 * (PDF, PNG, JPEG, DOCX, XLSX, PPTX, CSV, plain text), file names made safe to store and to send
 * back, and the text of PDFs and text files for search. `pdftotext` (Poppler) runs in a child
 * process with a time limit and an output cap, a few at a time, so a hostile PDF costs a bounded
 * process and never the event loop.
 */
import { spawn } from "node:child_process";
import { fileTypeFromBuffer } from "file-type";

import { env } from "~/utils/env.server";

export const DOCUMENT_FILE_TYPES = {
  pdf: { contentType: "application/pdf", extension: "pdf" },
  png: { contentType: "image/png", extension: "png" },
  jpeg: { contentType: "image/jpeg", extension: "jpg" },
  docx: { contentType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document", extension: "docx" },
  xlsx: { contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", extension: "xlsx" },
  pptx: { contentType: "application/vnd.openxmlformats-officedocument.presentationml.presentation", extension: "pptx" },
  csv: { contentType: "text/csv; charset=utf-8", extension: "csv" },
  text: { contentType: "text/plain; charset=utf-8", extension: "txt" },
} as const;
export type DocumentFileType = keyof typeof DOCUMENT_FILE_TYPES;

/** file-type's names for the binary types Accord accepts. */
const BINARY: Record<string, DocumentFileType> = {
  pdf: "pdf",
  png: "png",
  jpg: "jpeg",
  docx: "docx",
  xlsx: "xlsx",
  pptx: "pptx",
};

const strictUtf8 = new TextDecoder("utf-8", { fatal: true });

function isText(bytes: Uint8Array): boolean {
  if (bytes.includes(0)) return false;
  try {
    strictUtf8.decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/** The type of a file from its first bytes; null when it is none Accord accepts. */
export async function detectFileType(bytes: Uint8Array, fileName: string): Promise<DocumentFileType | null> {
  if (bytes.length === 0) return null;
  const found = await fileTypeFromBuffer(bytes);
  if (found) return BINARY[found.ext] ?? null;
  // No signature: text when it is valid UTF-8 without NUL bytes. Only then does the name say
  // which kind of text (a table of values or prose); it never makes bytes text.
  if (!isText(bytes)) return null;
  return /\.csv$/i.test(fileName.trim()) ? "csv" : "text";
}

// Characters no stored or sent file name keeps: controls, bidi overrides and isolates, path and
// quoting characters, and those Windows refuses.
const UNSAFE = /[\p{Cc}\p{Cf}\u2028\u2029<>:"/\\|?*]+/gu;
const MAX_NAME = 120;

/**
 * A file name safe to store and to offer on download: no path, no control or bidi characters,
 * no quoting characters, at most 120 characters, and the extension of the type the bytes are
 * (a PDF called `minutes.exe` downloads as `minutes.pdf`).
 */
export function sanitizeFileName(name: string, type: DocumentFileType): string {
  const base = name.normalize("NFC").split(/[/\\]/).pop() ?? "";
  const stem = base
    .replace(UNSAFE, " ")
    .replace(/\.[^.\s]{1,8}$/, "")
    .replace(/\s+/g, " ")
    .replace(/^[\s.]+|[\s.]+$/g, "");
  const cut = [...stem].slice(0, MAX_NAME).join("").trim();
  return `${cut || "document"}.${DOCUMENT_FILE_TYPES[type].extension}`;
}

/** `Content-Disposition: attachment` with an ASCII fallback and the UTF-8 name (RFC 6266, RFC 5987). */
export function attachmentDisposition(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, "_").replace(/["\\%;]/g, "_");
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

// ---- Text for search ---------------------------------------------------------------------------

/** Searchable text kept per version: enough for any paper; the rest of a huge file is not indexed. */
export const MAX_EXTRACTED_CHARS = 200_000;
const PDFTOTEXT_TIMEOUT_MS = 10_000;
const PDFTOTEXT_MAX_OUTPUT = 1024 * 1024;
const PDFTOTEXT_MAX_PAGES = 300;
const PDFTOTEXT_CONCURRENCY = 2;

let running = 0;
const waiting: (() => void)[] = [];

async function slot<T>(work: () => Promise<T>): Promise<T> {
  if (running >= PDFTOTEXT_CONCURRENCY) await new Promise<void>((resolve) => waiting.push(resolve));
  running++;
  try {
    return await work();
  } finally {
    running--;
    waiting.shift()?.();
  }
}

function cap(text: string): string {
  // Control characters other than line breaks and tabs (a PDF's form feeds, stray NULs) become spaces.
  const clean = text.replace(/[^\P{Cc}\n\t]/gu, " ").replace(/[ \t]+/g, " ");
  return clean.length > MAX_EXTRACTED_CHARS ? clean.slice(0, MAX_EXTRACTED_CHARS) : clean.trim();
}

/** The text of a PDF by `pdftotext`, or null when it cannot be had in time (or Poppler is missing). */
export function pdfText(bytes: Uint8Array, command = env().PDFTOTEXT_PATH): Promise<string | null> {
  return slot(
    () =>
      new Promise<string | null>((resolve) => {
        let out = Buffer.alloc(0);
        let settled = false;
        const finish = (value: string | null) => {
          if (settled) return;
          settled = true;
          clearTimeout(timer);
          resolve(value);
        };
        const child = spawn(command, ["-q", "-enc", "UTF-8", "-nopgbrk", "-l", String(PDFTOTEXT_MAX_PAGES), "-", "-"], {
          stdio: ["pipe", "pipe", "ignore"],
        });
        const timer = setTimeout(() => {
          child.kill("SIGKILL");
          finish(null);
        }, PDFTOTEXT_TIMEOUT_MS);
        child.on("error", () => finish(null));
        child.stdout.on("data", (chunk: Buffer) => {
          out = Buffer.concat([out, chunk]);
          if (out.length > PDFTOTEXT_MAX_OUTPUT) {
            // Enough text: keep what arrived and stop the process.
            child.kill("SIGKILL");
            finish(cap(out.subarray(0, PDFTOTEXT_MAX_OUTPUT).toString("utf8")));
          }
        });
        child.on("close", (code) => finish(code === 0 ? cap(out.toString("utf8")) : null));
        child.stdin.on("error", () => {});
        child.stdin.end(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
      }),
  );
}

/** Text to index for a version: a PDF's by `pdftotext`, a text file's own; none for images and Office files. */
export async function extractText(type: DocumentFileType, bytes: Uint8Array): Promise<string | null> {
  if (type === "pdf") return pdfText(bytes);
  if (type === "csv" || type === "text") return cap(strictUtf8.decode(bytes));
  return null;
}
