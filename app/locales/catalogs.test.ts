import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

import { NAMESPACES } from "~/i18n";
import { resources } from "~/locales/resources.server";
import { LOCALES } from "~/utils/preferences";

const PLURAL = /_(zero|one|two|few|many|other)$/;

function flatten(tree: unknown, prefix = ""): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(tree as Record<string, unknown>)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === "string") out[path] = value;
    else Object.assign(out, flatten(value, path));
  }
  return out;
}

// The validation catalog is keyed by English sentences, which hold dots: never split its keys.
const catalog = (locale: (typeof LOCALES)[number], ns: (typeof NAMESPACES)[number]) =>
  ns === "validation" ? (resources[locale][ns] as Record<string, string>) : flatten(resources[locale][ns]);

const base = (key: string) => key.replace(PLURAL, "");
const variables = (text: string) => [...text.matchAll(/\{\{\s*(\w+)/g)].map((m) => m[1]).sort();

describe("message catalogs", () => {
  for (const ns of NAMESPACES) {
    const english = catalog("en", ns);
    const englishBases = new Set(Object.keys(english).map(base));
    for (const locale of LOCALES) {
      it(`${locale}/${ns} has every key English has, and no other`, () => {
        const own = catalog(locale, ns);
        const bases = new Set(Object.keys(own).map(base));
        expect(
          [...englishBases].filter((k) => !bases.has(k)),
          "missing",
        ).toEqual([]);
        expect(
          [...bases].filter((k) => !englishBases.has(k)),
          "extra",
        ).toEqual([]);
      });

      it(`${locale}/${ns} has exactly the plural forms ${locale} needs`, () => {
        const own = catalog(locale, ns);
        const categories = new Intl.PluralRules(locale).resolvedOptions().pluralCategories.slice().sort();
        const forms = new Map<string, string[]>();
        for (const key of Object.keys(own)) {
          const m = PLURAL.exec(key);
          if (m) forms.set(base(key), [...(forms.get(base(key)) ?? []), m[1]!]);
        }
        for (const [key, found] of forms) expect(found.sort(), key).toEqual(categories);
      });

      it(`${locale}/${ns} fills in the same values as English`, () => {
        const own = catalog(locale, ns);
        for (const [key, text] of Object.entries(own)) {
          const englishText = english[key] ?? english[`${base(key)}_other`];
          if (englishText === undefined) continue;
          expect(variables(text), key).toEqual(variables(englishText));
          expect(text.trim(), key).not.toBe("");
        }
      });
    }
  }

  it("has translations, not English copies, in Japanese and Hindi", () => {
    for (const ns of NAMESPACES) {
      const english = catalog("en", ns);
      for (const locale of ["ja", "hi"] as const) {
        const own = catalog(locale, ns);
        // Only a few words are the same everywhere (the product's name, codes like IREL).
        const words = (text: string) => text.replace(/\{\{[^}]*\}\}/g, "").replace(/\bAccord\b/g, "");
        const same = Object.keys(english).filter(
          (k) => own[k] === english[k] && /[a-z]{3}/.test(words(english[k]!)) && !/^[A-Z][\w. ()/–-]*$/.test(english[k]!),
        );
        expect(same, `${locale}/${ns}`).toEqual([]);
      }
    }
  });

  it("knows every key the code asks for", () => {
    const files = execFileSync("git", ["ls-files", "--cached", "--others", "--exclude-standard", "app"], { encoding: "utf8" })
      .split("\n")
      .filter((f) => /\.(ts|tsx)$/.test(f) && !f.endsWith(".test.ts"));
    const english = Object.fromEntries(NAMESPACES.map((ns) => [ns, catalog("en", ns)]));
    const missing: string[] = [];
    for (const file of files) {
      const source = readFileSync(file, "utf8");
      // An unprefixed key belongs to a namespace the file's useTranslation names, or to common.
      const fileNamespaces = [
        "common",
        ...[...source.matchAll(/(?:useTranslation\(\s*|[fF]ixedT\([^,)]*,\s*)"(\w+)"/g)].map((m) => m[1]!),
      ];
      for (const m of source.matchAll(/\bt\(\s*"([^"]+)"/g)) {
        const prefixed = m[1]!.includes(":");
        const namespaces = prefixed ? [m[1]!.split(":", 2)[0]!] : fileNamespaces;
        const key = prefixed ? m[1]!.split(":", 2)[1]! : m[1]!;
        const known = namespaces.some((ns) => {
          const own = english[ns as (typeof NAMESPACES)[number]];
          return own !== undefined && (own[key] !== undefined || own[`${key}_other`] !== undefined);
        });
        if (!known) missing.push(`${file}: ${m[1]}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it("keys the validation catalog by its own English text", () => {
    const english = resources.en.validation as Record<string, string>;
    for (const [key, value] of Object.entries(english)) expect(value, key).toBe(key);
  });
});
