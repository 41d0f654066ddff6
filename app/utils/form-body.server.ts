/**
 * The one way actions read a request body (docs/decisions/010-hardening.md). Only HTML form
 * encodings are accepted: anything else answers 415 with a message, a body the parser cannot read
 * answers 400, and neither can reach an action as an unhandled error (a 500).
 */
import { data } from "@remix-run/node";

const URLENCODED = "application/x-www-form-urlencoded";
const MULTIPART = "multipart/form-data";

export const UNSUPPORTED_BODY_MESSAGE =
  "Accord accepts only HTML form submissions (application/x-www-form-urlencoded or multipart/form-data).";

function mediaType(request: Request): string {
  return (request.headers.get("Content-Type") ?? "").split(";")[0]!.trim().toLowerCase();
}

/** More fields than any Accord form has (the largest, the scenario grid, has a few hundred). */
export const MAX_FORM_FIELDS = 2_000;
const TOO_MANY = "This form has more fields than any Accord form; reload the page and try again.";

export async function readFormData(request: Request): Promise<FormData> {
  const type = mediaType(request);
  if (type === URLENCODED) {
    const bytes = new Uint8Array(await request.arrayBuffer());
    // Counted before anything is decoded, so a flood of names costs a scan and no more.
    let fields = 1;
    for (let i = bytes.indexOf(0x26); i !== -1 && fields <= MAX_FORM_FIELDS; i = bytes.indexOf(0x26, i + 1)) fields++;
    if (fields > MAX_FORM_FIELDS) throw data({ message: TOO_MANY }, { status: 413 });
    return parseUrlEncoded(bytes);
  }
  if (type !== MULTIPART) throw data({ message: UNSUPPORTED_BODY_MESSAGE }, { status: 415 });
  let form: FormData;
  try {
    form = await request.formData();
  } catch {
    throw data({ message: "The form could not be read; reload the page and try again." }, { status: 400 });
  }
  let fields = 0;
  for (const _ of form.keys()) if (++fields > MAX_FORM_FIELDS) throw data({ message: TOO_MANY }, { status: 413 });
  return form;
}

const strict = new TextDecoder("utf-8", { fatal: true });
const lenient = new TextDecoder("utf-8");
// A value that was not valid UTF-8 keeps a noncharacter in front (FormData would turn an unpaired
// surrogate into U+FFFD), so the text check refuses it next to its field instead of letting U+FFFD
// replace the user's characters silently.
const BROKEN = "\uFFFF";

function hex(byte: number): number {
  if (byte >= 0x30 && byte <= 0x39) return byte - 0x30;
  if (byte >= 0x41 && byte <= 0x46) return byte - 0x37;
  if (byte >= 0x61 && byte <= 0x66) return byte - 0x57;
  return -1;
}

function decodeComponent(bytes: Uint8Array, start: number, end: number): string {
  const out = new Uint8Array(end - start);
  let n = 0;
  for (let i = start; i < end; i++) {
    const b = bytes[i]!;
    if (b === 0x2b) out[n++] = 0x20;
    else if (b === 0x25 && i + 2 < end && hex(bytes[i + 1]!) >= 0 && hex(bytes[i + 2]!) >= 0) {
      out[n++] = hex(bytes[i + 1]!) * 16 + hex(bytes[i + 2]!);
      i += 2;
    } else out[n++] = b;
  }
  const view = out.subarray(0, n);
  try {
    return strict.decode(view);
  } catch {
    return BROKEN + lenient.decode(view);
  }
}

/** application/x-www-form-urlencoded, as the URL standard parses it, but refusing broken UTF-8. */
export function parseUrlEncoded(bytes: Uint8Array): FormData {
  const form = new FormData();
  let start = 0;
  while (start <= bytes.length) {
    let end = bytes.indexOf(0x26, start);
    if (end === -1) end = bytes.length;
    if (end > start) {
      let eq = bytes.indexOf(0x3d, start);
      if (eq === -1 || eq > end) eq = end;
      form.append(decodeComponent(bytes, start, eq), eq < end ? decodeComponent(bytes, eq + 1, end) : "");
    }
    start = end + 1;
  }
  return form;
}
