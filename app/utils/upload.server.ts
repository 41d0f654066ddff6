/**
 * The one way an action reads a form that carries a file (document uploads). Ordinary forms go
 * through `readFormData`, whose bodies the HTTP server caps at 2 MB; an upload has its own bound
 * (`DOCUMENT_MAX_MB`). The body is streamed through a counter and Remix's multipart parser into
 * memory, part by part, so a hostile body costs no more than the bound and never blocks the event
 * loop; nothing is stored until the whole body has arrived intact, so an over-size or interrupted
 * upload leaves nothing behind.
 */
import {
  MaxPartSizeExceededError,
  unstable_composeUploadHandlers,
  unstable_createMemoryUploadHandler,
  unstable_parseMultipartFormData,
} from "@remix-run/node";

import { documentMaxBytes } from "~/utils/env.server";
import { UNSUPPORTED_BODY_MESSAGE } from "~/utils/form-body.server";

/** Room for the form's other fields and the multipart framing beside the file. */
export const UPLOAD_ENVELOPE_BYTES = 64 * 1024;
/** More fields than any upload form has. */
const MAX_UPLOAD_FIELDS = 20;
/** A text field of an upload form (title, kind, level) is short. */
const MAX_TEXT_PART = 8 * 1024;

export interface UploadedFile {
  /** The name the browser gave, without any path. */
  name: string;
  bytes: Uint8Array;
}

export type UploadFailure = "too_large" | "interrupted" | "unreadable" | "unsupported" | "too_many_fields";

export type UploadRead =
  | { ok: true; form: FormData; file: UploadedFile | null }
  | { ok: false; status: 400 | 413 | 415; failure: UploadFailure; message: string };

export function megabytes(bytes: number): string {
  const mb = bytes / (1024 * 1024);
  return Number.isInteger(mb) ? String(mb) : mb.toFixed(1);
}

export function tooLargeMessage(maxBytes: number): string {
  return `The file is larger than ${megabytes(maxBytes)} MB; nothing was saved.`;
}

export const INTERRUPTED_MESSAGE = "The upload was interrupted before the whole file arrived; nothing was saved. Try again.";
const UNREADABLE_MESSAGE = "The form could not be read; reload the page and try again.";
const TOO_MANY_MESSAGE = "This form has more fields than any Accord form; reload the page and try again.";

class TooLarge extends Error {}
class Interrupted extends Error {}

function boundaryOf(request: Request): string | null {
  const header = request.headers.get("Content-Type") ?? "";
  const [type, ...params] = header.split(";").map((p) => p.trim());
  if (type?.toLowerCase() !== "multipart/form-data") return null;
  const param = params.find((p) => p.toLowerCase().startsWith("boundary="));
  const boundary = param?.slice("boundary=".length).replace(/^"|"$/g, "");
  return boundary && boundary.length <= 200 ? boundary : null;
}

/**
 * The body, counted: more than `limit` bytes fails the read, and a body that ends without the
 * closing boundary (the client went away mid-file) fails it too, rather than handing the parser
 * a truncated last part to keep.
 */
function guarded(body: ReadableStream<Uint8Array>, limit: number, boundary: string): ReadableStream<Uint8Array> {
  const closing = Buffer.from(`--${boundary}--`);
  const keep = closing.length + 4;
  const reader = body.getReader();
  let seen = 0;
  let tail = Buffer.alloc(0);
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      let next: ReadableStreamReadResult<Uint8Array>;
      try {
        next = await reader.read();
      } catch {
        // The client went away (or the connection broke) mid-body.
        controller.error(new Interrupted());
        return;
      }
      if (next.done) {
        if (tail.includes(closing)) controller.close();
        else controller.error(new Interrupted());
        return;
      }
      seen += next.value.byteLength;
      if (seen > limit) {
        controller.error(new TooLarge());
        reader.cancel().catch(() => {});
        return;
      }
      const joined = Buffer.concat([tail, next.value]);
      tail = joined.subarray(Math.max(0, joined.length - keep));
      controller.enqueue(next.value);
    },
    cancel(reason) {
      return reader.cancel(reason);
    },
  });
}

function failed(status: 400 | 413 | 415, failure: UploadFailure, message: string): UploadRead {
  return { ok: false, status, failure, message };
}

/**
 * Reads a multipart form with at most one file, in `fileField`. A form submitted without a file
 * chosen gives `file: null`; an empty chosen file gives zero bytes (the caller words both).
 */
export async function readUploadForm(
  request: Request,
  options: { fileField?: string; maxBytes?: number } = {},
): Promise<UploadRead> {
  const fileField = options.fileField ?? "file";
  const maxBytes = options.maxBytes ?? documentMaxBytes();
  const boundary = boundaryOf(request);
  if (!boundary || !request.body) return failed(415, "unsupported", UNSUPPORTED_BODY_MESSAGE);
  const limit = maxBytes + UPLOAD_ENVELOPE_BYTES;
  // A stated length over the bound is refused before a byte is read.
  const stated = Number(request.headers.get("Content-Length") ?? "0");
  if (Number.isFinite(stated) && stated > limit) return failed(413, "too_large", tooLargeMessage(maxBytes));

  const source = new Request(request.url, {
    method: "POST",
    headers: request.headers,
    body: guarded(request.body, limit, boundary),
    // Node's fetch needs `duplex` for a streamed request body.
    duplex: "half",
  });
  const handler = unstable_composeUploadHandlers(
    unstable_createMemoryUploadHandler({
      maxPartSize: maxBytes,
      filter: ({ name, filename }) => name === fileField && typeof filename === "string",
    }),
    unstable_createMemoryUploadHandler({ maxPartSize: MAX_TEXT_PART, filter: ({ filename }) => filename === undefined }),
    // Any other file part is read (within the body's bound) and dropped.
    async ({ data }) => {
      for await (const _ of data) void _;
      return undefined;
    },
  );
  let form: FormData;
  try {
    form = await unstable_parseMultipartFormData(source, handler);
  } catch (error) {
    if (error instanceof TooLarge) return failed(413, "too_large", tooLargeMessage(maxBytes));
    if (error instanceof MaxPartSizeExceededError)
      return error.field === fileField
        ? failed(413, "too_large", tooLargeMessage(maxBytes))
        : failed(413, "too_large", UNREADABLE_MESSAGE);
    if (error instanceof Interrupted) return failed(400, "interrupted", INTERRUPTED_MESSAGE);
    return failed(400, "unreadable", UNREADABLE_MESSAGE);
  }
  let fields = 0;
  for (const _ of form.keys()) if (++fields > MAX_UPLOAD_FIELDS) return failed(413, "too_many_fields", TOO_MANY_MESSAGE);
  const entry = form.get(fileField);
  const file =
    entry instanceof File && entry.name !== "" ? { name: entry.name, bytes: new Uint8Array(await entry.arrayBuffer()) } : null;
  return { ok: true, form, file };
}
