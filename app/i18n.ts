/**
 * The page's words, for React on the server's render and in the browser alike.
 *
 * The server translates with i18next itself (app/i18n.server.ts). Pages use react-i18next's
 * `useTranslation` and `Trans`, but over the small instance below rather than i18next: it holds
 * the one language's catalogs (app/utils/catalogs.ts), and does what our catalogs need — nested
 * keys, `ns:` prefixes, `{{value}}` interpolation, `_one`/`_other` plurals by `Intl.PluralRules`,
 * `defaultValue`. i18next alone weighs about 15 KB gzipped, which the dashboard's first-load
 * budget (100 KB) cannot carry. The catalog test keeps the keys in step with i18next's rules.
 */
import type { i18n as I18n } from "i18next";

import type { Locale } from "~/utils/preferences";

export const NAMESPACES = [
  "common",
  "brief",
  "agreement",
  "consultations",
  "dashboard",
  "documents",
  "issues",
  "labels",
  "mail",
  "map",
  "security",
  "reader",
  "validation",
  "admin",
  "activity",
  "search",
  "milestones",
  "demand",
  "supply",
  "people",
] as const;
export type Namespace = (typeof NAMESPACES)[number];

export const DEFAULT_NS: Namespace = "common";

type Catalog = Record<string, unknown>;
type Options = Record<string, unknown> & {
  ns?: string | readonly string[];
  count?: number;
  defaultValue?: string;
};

export function interpolate(text: string, values: Record<string, unknown> = {}): string {
  // Like i18next: a value given as undefined prints nothing; one not given keeps its placeholder.
  return text.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, name: string) => (name in values ? String(values[name] ?? "") : whole));
}

function lookup(tree: unknown, path: string): unknown {
  let node = tree;
  for (const part of path.split(".")) {
    if (!node || typeof node !== "object") return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return node;
}

/** The subset of i18next's instance that react-i18next calls, over bundled catalogs. */
class BundledI18n {
  readonly language: Locale;
  readonly languages: Locale[];
  readonly isInitialized = true;
  readonly options = {
    defaultNS: DEFAULT_NS,
    react: { useSuspense: false },
    interpolation: { escapeValue: false },
  };
  readonly services = {
    interpolator: {
      interpolate: (text: string, values: Record<string, unknown>) => interpolate(text, values),
    },
  };
  readonly store = { on() {}, off() {} };
  private readonly plurals: Intl.PluralRules;

  constructor(
    locale: Locale,
    private readonly resources: Record<string, Catalog>,
  ) {
    this.language = locale;
    this.languages = [locale];
    this.plurals = new Intl.PluralRules(locale);
    this.t = this.t.bind(this);
  }

  on() {}
  off() {}
  hasLoadedNamespace() {
    return true;
  }
  loadNamespaces(_ns: unknown, done?: () => void) {
    done?.();
  }
  loadLanguages(_lng: unknown, done?: () => void) {
    done?.();
  }
  getResourceBundle(_lng: string, ns: string): Catalog | undefined {
    return this.resources[ns];
  }
  getFixedT(_lng: string | null, ns?: string | readonly string[]) {
    const fixed = (key: string, options: Options = {}) => this.t(key, { ...options, ns: ns ?? options.ns });
    // Trans reads the namespace off the function, as i18next's own fixed functions carry it.
    return Object.assign(fixed, { ns });
  }

  t(key: string, options: Options = {}): string {
    const colon = key.indexOf(":");
    const ns = colon > 0 ? key.slice(0, colon) : ((Array.isArray(options.ns) ? options.ns[0] : options.ns) ?? DEFAULT_NS);
    const path = colon > 0 ? key.slice(colon + 1) : key;
    const catalog = this.resources[ns as string];
    let found: unknown;
    if (typeof options.count === "number") {
      found = lookup(catalog, `${path}_${this.plurals.select(options.count)}`) ?? lookup(catalog, `${path}_other`);
    }
    found ??= lookup(catalog, path);
    const text = typeof found === "string" ? found : (options.defaultValue ?? path);
    return interpolate(text, options);
  }
}

/** The instance handed to react-i18next's provider: one language's catalogs. */
export function createI18n(locale: Locale, resources: Record<string, Catalog>): I18n {
  return new BundledI18n(locale, resources) as unknown as I18n;
}
