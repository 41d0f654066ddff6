/**
 * One language's catalogs for the browser (`/locales/<locale>.<hash>.js`, see app/utils/catalogs.ts).
 * The words are public — the sign-in page needs them — so no session is asked for. The name
 * carries a hash of the content, so the script is cached for a year; an old name answers 404.
 */
import type { LoaderFunctionArgs } from "@remix-run/node";

import { catalogScript } from "~/i18n.server";
import { LOCALES } from "~/utils/preferences";

export function loader({ params }: LoaderFunctionArgs) {
  const wanted = `/locales/${params.file ?? ""}`;
  const script = LOCALES.map(catalogScript).find((s) => s.path === wanted);
  if (!script) return new Response("Not found", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  return new Response(script.body, {
    headers: {
      "Content-Type": "text/javascript; charset=utf-8",
      "Cache-Control": "public, max-age=31536000, immutable",
    },
  });
}
