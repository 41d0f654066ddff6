import type { LoaderFunctionArgs } from "@remix-run/node";

import { can } from "~/models/access.server";
import { buildFeed, userForFeedToken } from "~/models/calendar.server";
import { getDb } from "~/utils/db.server";
import { env } from "~/utils/env.server";
import { notFound } from "~/utils/http.server";

/**
 * The iCalendar feed at /calendar/feed/<token>.ics. Calendar clients send no session cookie, so
 * this loader alone authenticates by the secret token instead of `requireUser`; an unknown,
 * revoked or malformed token, or a disabled account, answers 404.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const file = params.file ?? "";
  if (!file.endsWith(".ics")) notFound();
  const db = getDb();
  const user = await userForFeedToken(db, file.slice(0, -".ics".length));
  if (!user || !can(user, "calendar:subscribe")) notFound();
  const origin = (env().APP_ORIGIN ?? new URL(request.url).origin).replace(/\/$/, "");
  return new Response(await buildFeed(db, user, origin), {
    headers: {
      "Content-Type": "text/calendar; charset=utf-8",
      "Content-Disposition": 'inline; filename="accord.ics"',
      "Cache-Control": "private, no-store",
      "Referrer-Policy": "no-referrer",
      "X-Robots-Tag": "noindex",
    },
  });
}
