import { data, type LoaderFunctionArgs } from "@remix-run/node";

import { assertCan } from "~/models/access.server";
import { lucia, requireUser, SESSION_COOKIE } from "~/models/auth.server";
import { getMinutesView } from "~/models/minutes.server";
import { PdfBusyError, pdfQueue } from "~/models/pdf-queue.server";
import { PdfUnavailableError, renderPdf } from "~/models/pdf.server";
import { VISIBILITY_LABELS } from "~/utils/common-labels";
import { getDb } from "~/utils/db.server";
import { env } from "~/utils/env.server";
import { notFound } from "~/utils/http.server";

/**
 * The agreed minutes as PDF: the server's Chromium prints the user's own minutes page in its
 * print view (same session), so the PDF holds what the user may see and nothing else.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  assertCan(user, "consultation:list");
  const view = await getMinutesView(getDb(), user, params.id ?? "");
  if (!view?.minutes?.agreedNumber) notFound();
  const sessionId = lucia().readSessionCookie(request.headers.get("Cookie") ?? "");
  const { HOST, PORT, PDF_CONCURRENCY } = env();
  const self = `http://${HOST === "0.0.0.0" || HOST === "::" ? "127.0.0.1" : HOST}:${PORT}`;
  try {
    const agreedNumber = view.minutes.agreedNumber;
    const pdf = await pdfQueue(PDF_CONCURRENCY).run(user.id, () =>
      renderPdf({
        url: `${self}/consultations/${encodeURIComponent(view.consultation.id)}/minutes?print=agreed`,
        cookies: sessionId ? [{ name: SESSION_COOKIE, value: sessionId }] : [],
        footerText: `Accord agreed minutes, version ${agreedNumber} · ${VISIBILITY_LABELS[view.consultation.visibility]}`,
      }),
    );
    return new Response(new Uint8Array(pdf), {
      headers: {
        "Content-Type": "application/pdf",
        "Content-Disposition": `attachment; filename="accord-minutes-${view.consultation.startsAt.slice(0, 10)}-v${view.minutes.agreedNumber}.pdf"`,
        "Cache-Control": "private, no-store",
      },
    });
  } catch (error) {
    if (error instanceof PdfBusyError) {
      throw data({ message: error.message }, { status: 503, headers: { "Retry-After": String(error.retryAfter) } });
    }
    console.error("minutes PDF failed", error);
    if (error instanceof PdfUnavailableError)
      throw data(
        { message: "PDF output is not available on this server. Use Print on the minutes page instead." },
        { status: 503 },
      );
    throw data({ message: "The PDF could not be produced. Try again, or use Print on the minutes page." }, { status: 502 });
  }
}
