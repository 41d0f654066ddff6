/**
 * Where the page's words come from, on the server and in the browser alike.
 *
 * The server registers every language's catalogs at start (app/i18n.server.ts). The browser loads
 * one language's catalogs as a hashed, immutable script (`/locales/<locale>.<hash>.js`, cached
 * across pages and visits) rather than in every page's data, which made each page carry some
 * 100 KB of words to serialise, compress and send (decision 012).
 */
import type { Locale } from "~/utils/preferences";

export type Catalogs = Record<string, Record<string, unknown>>;

/** What the catalog script assigns: one language's catalogs. */
export interface LoadedCatalogs {
  locale: Locale;
  resources: Catalogs;
}

declare global {
  interface Window {
    __accordCatalogs?: LoadedCatalogs;
  }
}

const registered = new Map<Locale, Catalogs>();

/** Server only: every language's catalogs, held in memory. */
export function registerCatalogs(locale: Locale, resources: Catalogs): void {
  registered.set(locale, resources);
}

/** This language's catalogs if they are here (always on the server; in the browser once loaded). */
export function catalogsFor(locale: Locale): Catalogs | undefined {
  const found = registered.get(locale);
  if (found) return found;
  const loaded = typeof window === "undefined" ? undefined : window.__accordCatalogs;
  return loaded?.locale === locale ? loaded.resources : undefined;
}

/** In the browser, whatever language was loaded last: words to show until the page reloads. */
export function loadedCatalogs(): Catalogs | undefined {
  return typeof window === "undefined" ? undefined : window.__accordCatalogs?.resources;
}

/** The catalog script's path: `locales.$file.ts` serves it. */
export function catalogScriptPath(locale: Locale, hash: string): string {
  return `/locales/${locale}.${hash}.js`;
}
