import type { LoaderFunctionArgs } from "@remix-run/node";

import { requireUser } from "~/models/auth.server";
import { attachmentDisposition } from "~/models/document-files.server";
import { getDocumentFile } from "~/models/documents.server";
import { getDb } from "~/utils/db.server";
import { notFound } from "~/utils/http.server";

const CHUNK = 64 * 1024;

/**
 * A document's file: the latest version, or `?v=N`. Always an attachment with the type decided on
 * upload and `nosniff`, so a browser never renders it in Accord's origin. A document the user may
 * not see, or a version it does not have, is 404.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const v = new URL(request.url).searchParams.get("v");
  if (v !== null && !/^[1-9]\d{0,5}$/.test(v)) notFound();
  const file = await getDocumentFile(getDb(), user, params.documentId ?? "", v === null ? undefined : Number(v));
  if (!file) notFound();
  const bytes = file.bytes;
  let offset = 0;
  // Streamed in slices, so a large file goes out as the client reads it.
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (offset >= bytes.length) {
        controller.close();
        return;
      }
      controller.enqueue(bytes.subarray(offset, offset + CHUNK));
      offset += CHUNK;
    },
  });
  return new Response(body, {
    headers: {
      "Content-Type": file.contentType,
      "Content-Length": String(bytes.length),
      "Content-Disposition": attachmentDisposition(file.fileName),
      "X-Content-Type-Options": "nosniff",
      "Content-Security-Policy": "default-src 'none'; sandbox",
      "Cache-Control": "private, no-store",
      ETag: `"${file.sha256}"`,
    },
  });
}
