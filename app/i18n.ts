/**
 * One i18next set-up for the server's render and the browser. The catalogs are bundled on the
 * server (app/locales/resources.server.ts); the browser receives only the active language's, in
 * the root loader's data, so no language's words travel in the JavaScript bundle.
 */
import {
  createInstance,
  type i18n as I18n,
  type Resource,
  type ResourceLanguage,
} from "i18next";
import { initReactI18next } from "react-i18next";

import { DEFAULT_LOCALE, LOCALES, type Locale } from "~/utils/preferences";

export const NAMESPACES = ["common", "validation", "reader"] as const;
export type Namespace = (typeof NAMESPACES)[number];

export const i18nOptions = {
  supportedLngs: [...LOCALES],
  fallbackLng: DEFAULT_LOCALE,
  defaultNS: "common",
  ns: [...NAMESPACES],
  // React escapes; the PDF and CSV writers escape for their own formats.
  interpolation: { escapeValue: false },
  // Resources are in memory: initialise synchronously so the first render already has words.
  initImmediate: false,
  returnNull: false,
} as const;

/** An i18next instance for React, holding one language's catalogs. */
export function createI18n(locale: Locale, resources: ResourceLanguage): I18n {
  const instance = createInstance();
  const all: Resource = { [locale]: resources };
  void instance
    .use(initReactI18next)
    .init({ ...i18nOptions, lng: locale, fallbackLng: false, resources: all });
  return instance;
}
