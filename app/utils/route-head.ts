/** The `links` and `meta` exports most routes share: their stylesheet, and a title from the catalogs. */
import type { LinksFunction, MetaFunction } from "@remix-run/node";

import { pageTitle } from "~/utils/page-title";

/** A route's stylesheets, in order. */
export function stylesheetLinks(...hrefs: string[]): LinksFunction {
  return () => hrefs.map((href) => ({ rel: "stylesheet", href }));
}

/** "Title · Accord" for a catalog key that needs no values from the loader. */
export function titleMeta(key: string): MetaFunction {
  return ({ matches }) => [{ title: pageTitle(matches, key) }];
}
