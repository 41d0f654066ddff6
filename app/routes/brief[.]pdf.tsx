import type { LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";

import { assertCan } from "~/models/access.server";
import { lucia, requireUser, SESSION_COOKIE } from "~/models/auth.server";
import { allowedBriefLevels } from "~/models/brief.server";
import { PdfUnavailableError, renderPdf } from "~/models/pdf.server";
import { readerFor } from "~/models/preview.server";
import { CLASSIFICATION_BANNER, classificationOf, parseLevels } from "~/utils/brief";
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

  const sessionId = lucia().readSessionCookie(request.headers.get("Cookie") ?? "");
  const { HOST, PORT } = env();
  // Print from the server's own loopback address, not the public origin, so a proxy is not involved.
  const self = `http://${HOST === "0.0.0.0" || HOST === "::" ? "127.0.0.1" : HOST}:${PORT}`;
  const query = new URLSearchParams(allowed.levels.map((l) => ["levels", l]));
  if (preview.active) query.set("as", preview.active.organizationId);
  try {
    const pdf = await renderPdf({
      url: `${self}/brief?${query}`,
      cookies: sessionId ? [{ name: SESSION_COOKIE, value: sessionId }] : [],
      footerText: `Accord negotiation brief · ${CLASSIFICATION_BANNER[classificationOf(allowed.levels)].split(" — ")[0]} at most`,
    });
    const day = new Date().toISOString().slice(0, 10);
    return new Response(new Uint8Array(pdf), {
      headers: {
        "Content-Type": "application/pdf",
        "Content-Disposition": `attachment; filename="accord-brief-${day}.pdf"`,
        "Cache-Control": "private, no-store",
      },
    });
  } catch (error) {
    console.error("brief PDF failed", error);
    if (error instanceof PdfUnavailableError) {
      throw data({ message: "PDF output is not available on this server. Use Print on the brief page instead." }, { status: 503 });
    }
    throw data({ message: "The PDF could not be produced. Try again, or use Print on the brief page." }, { status: 502 });
  }
}
