import { data, type LoaderFunctionArgs } from "@remix-run/node";

import { fixedT, getLocale, localeCookie } from "~/i18n.server";
import { assertCan } from "~/models/access.server";
import { lucia, requireUser, SESSION_COOKIE } from "~/models/auth.server";
import { classificationOf, parseLevels } from "~/models/brief";
import { allowedBriefLevels } from "~/models/brief.server";
import { PdfBusyError, pdfQueue } from "~/models/pdf-queue.server";
import { PdfUnavailableError, renderPdf } from "~/models/pdf.server";
import { readerFor } from "~/models/preview.server";
import { nowIso } from "~/utils/clock";
import { getDb } from "~/utils/db.server";
import { env } from "~/utils/env.server";

/**
 * The brief as PDF: the server's Chromium prints the user's own /brief page (same session, same
 * levels), so the PDF holds exactly what the user may see and nothing else.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const signedIn = await requireUser(request);
  assertCan(signedIn, "brief:read");
  const url = new URL(request.url);
  const { reader: user, preview } = await readerFor(getDb(), signedIn, url);
  const parsed = parseLevels(url.searchParams.getAll("levels"));
  if (!parsed.ok) throw data({ message: parsed.message }, { status: 400 });
  const allowed = allowedBriefLevels(user, parsed.levels);
  if (!allowed.ok) throw data({ message: allowed.message }, { status: 400 });

  // The cookie's token, handed to the printing browser so the page it prints is this user's.
  const sessionToken = lucia().readSessionCookie(request.headers.get("Cookie") ?? "");
  const { HOST, PORT, PDF_CONCURRENCY } = env();
  // Print from the server's own loopback address, not the public origin, so a proxy is not involved.
  const self = `http://${HOST === "0.0.0.0" || HOST === "::" ? "127.0.0.1" : HOST}:${PORT}`;
  const query = new URLSearchParams(allowed.levels.map((l) => ["levels", l]));
  if (preview.active) query.set("as", preview.active.organizationId);
  // The printing browser sends no Accept-Language of the reader's: hand it the page's language.
  const locale = await getLocale(request);
  const languageCookie = (await localeCookie().serialize(locale)).split(";")[0]!.split("=")[1]!;
  const t = fixedT(locale, "brief");
  try {
    const pdf = await pdfQueue(PDF_CONCURRENCY).run(user.id, () =>
      renderPdf({
        url: `${self}/brief?${query}`,
        cookies: [
          ...(sessionToken ? [{ name: SESSION_COOKIE, value: sessionToken }] : []),
          { name: localeCookie().name, value: languageCookie },
        ],
        footerText: t("pdfFooter", { level: t(`bannerShort.${classificationOf(allowed.levels)}`) }),
      }),
    );
    const day = nowIso().slice(0, 10);
    return new Response(new Uint8Array(pdf), {
      headers: {
        "Content-Type": "application/pdf",
        "Content-Disposition": `attachment; filename="accord-brief-${day}.pdf"`,
        "Cache-Control": "private, no-store",
      },
    });
  } catch (error) {
    if (error instanceof PdfBusyError) {
      throw data({ message: error.message }, { status: 503, headers: { "Retry-After": String(error.retryAfter) } });
    }
    console.error("brief PDF failed", error);
    if (error instanceof PdfUnavailableError) {
      throw data(
        { message: "PDF output is not available on this server. Use Print on the brief page instead." },
        { status: 503 },
      );
    }
    throw data({ message: "The PDF could not be produced. Try again, or use Print on the brief page." }, { status: 502 });
  }
}
