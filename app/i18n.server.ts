/**
 * Server-side language: which language a request is answered in, and translation for loaders and
 * actions (CSV headers, the brief's PDF, calendar feeds, activity descriptions).
 *
 * Order: the signed-in user's stored preference, then the language an anonymous reader chose (a
 * cookie set by POST /preferences), then the browser's Accept-Language, then English.
 */
import { createHash } from "node:crypto";
import { createCookie, type Cookie } from "@remix-run/node";
import { createInstance, type i18n as I18n, type TFunction } from "i18next";
import { RemixI18Next } from "remix-i18next/server";

import { DEFAULT_NS, NAMESPACES, type Namespace } from "~/i18n";
import { resources } from "~/locales/resources.server";
import { getSessionUser } from "~/models/auth.server";
import { catalogScriptPath, registerCatalogs, type LoadedCatalogs } from "~/utils/catalogs";
import { cookieSecure } from "~/utils/env.server";
import { DEFAULT_LOCALE, isLocale, LOCALES, type Locale } from "~/utils/preferences";

let cookie: Cookie | undefined;

/** The anonymous reader's language choice; a year, like any site's language setting. */
export function localeCookie(): Cookie {
  return (cookie ??= createCookie("accord_lng", {
    path: "/",
    sameSite: "lax",
    httpOnly: true,
    secure: cookieSecure(),
    maxAge: 365 * 24 * 3600,
  }));
}

let detector: RemixI18Next | undefined;

function remixI18n(): RemixI18Next {
  return (detector ??= new RemixI18Next({
    detection: {
      supportedLanguages: [...LOCALES],
      fallbackLanguage: DEFAULT_LOCALE,
      cookie: localeCookie(),
      order: ["custom", "cookie", "header"],
      findLocale: async (request) => (await getSessionUser(request))?.locale ?? null,
    },
  }));
}

const detected = new WeakMap<Request, Promise<Locale>>();

/** The language this request is answered in; worked out once per request. */
export function getLocale(request: Request): Promise<Locale> {
  let pending = detected.get(request);
  if (!pending) {
    pending = remixI18n()
      .getLocale(request)
      .then((l) => (isLocale(l) ? l : DEFAULT_LOCALE))
      .catch(() => DEFAULT_LOCALE);
    detected.set(request, pending);
  }
  return pending;
}

const i18nOptions = {
  supportedLngs: [...LOCALES],
  fallbackLng: DEFAULT_LOCALE,
  defaultNS: DEFAULT_NS,
  ns: [...NAMESPACES],
  // React escapes; the PDF and CSV writers escape for their own formats.
  interpolation: { escapeValue: false },
  // Resources are in memory: initialise synchronously.
  initImmediate: false,
  returnNull: false,
} as const;

let server: I18n | undefined;

/** One instance holding every catalog: translating on the server is a lookup, no I/O. */
function serverI18n(): I18n {
  if (!server) {
    server = createInstance();
    void server.init({ ...i18nOptions, lng: DEFAULT_LOCALE, resources });
  }
  return server;
}

/** A translation function fixed to one language (and namespace), for code that has no request. */
export function fixedT(locale: Locale, ns: Namespace = "common"): TFunction {
  return serverI18n().getFixedT(locale, ns);
}

/** A translation function for this request's language, like remix-i18next's `getFixedT`. */
export async function getFixedT(requestOrLocale: Request | Locale, ns: Namespace = "common"): Promise<TFunction> {
  const locale = typeof requestOrLocale === "string" ? requestOrLocale : await getLocale(requestOrLocale);
  return fixedT(locale, ns);
}

/** The catalogs the browser needs for one language. */
export function resourcesFor(locale: Locale) {
  return resources[locale];
}

for (const locale of LOCALES) registerCatalogs(locale, resources[locale]);

interface CatalogScript {
  path: string;
  body: string;
}
const scripts = new Map<Locale, CatalogScript>();

/**
 * One language's catalogs as a script for the browser, named by a hash of its content so that it
 * can be cached for good: a new catalog is a new name.
 */
export function catalogScript(locale: Locale): CatalogScript {
  let script = scripts.get(locale);
  if (!script) {
    const loaded: LoadedCatalogs = { locale, resources: resources[locale] };
    const json = JSON.stringify(loaded);
    const hash = createHash("sha256").update(json).digest("hex").slice(0, 12);
    script = { path: catalogScriptPath(locale, hash), body: `window.__accordCatalogs=${json};\n` };
    scripts.set(locale, script);
  }
  return script;
}
