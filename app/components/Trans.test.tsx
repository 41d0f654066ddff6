import { createElement, type ReactElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { Trans as I18nextTrans } from "react-i18next";
import { describe, expect, it } from "vitest";

import { createI18n } from "~/i18n";
import { resources } from "~/locales/resources.server";
import { LOCALES } from "~/utils/preferences";

import { markupNodes, Trans } from "./Trans";

/** Every catalog string with markup, as [namespace, key, text]. */
function withMarkup(catalogs: Record<string, unknown>): [string, string, string][] {
  const found: [string, string, string][] = [];
  const walk = (ns: string, node: unknown, path: string[]) => {
    if (typeof node === "string") {
      if (/<\w+\s*\/?>/.test(node)) found.push([ns, path.join("."), node]);
    } else if (node && typeof node === "object") {
      for (const [k, v] of Object.entries(node)) walk(ns, v, [...path, k]);
    }
  };
  for (const [ns, tree] of Object.entries(catalogs)) walk(ns, tree, []);
  return found;
}

describe("Trans", () => {
  it("renders every catalog sentence with markup as react-i18next's Trans does, in every language", () => {
    let checked = 0;
    for (const locale of LOCALES) {
      const i18n = createI18n(locale, resources[locale]);
      for (const [ns, key, text] of withMarkup(resources[locale])) {
        const values = Object.fromEntries([...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => [m[1]!, `value of ${m[1]}`]));
        const components: Record<string, ReactElement> = Object.fromEntries(
          [...text.matchAll(/<(\w+)/g)].map((m) => [m[1]!, createElement("span", { className: m[1] })]),
        );
        const t = i18n.getFixedT(locale, ns);
        const ours = renderToStaticMarkup(<Trans t={t} i18nKey={key} values={values} components={components} />);
        const theirs = renderToStaticMarkup(
          <I18nextTrans i18n={i18n} t={t} i18nKey={key} values={values} components={components} />,
        );
        expect(ours, `${locale} ${ns}:${key}`).toBe(theirs);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(20);
  });

  it("never reads a value as markup", () => {
    const html = renderToStaticMarkup(
      <>{markupNodes("<strong>{{name}}</strong> agreed", { name: "<em>Toyotsu</em>" }, { strong: <strong /> })}</>,
    );
    expect(html).toBe("<strong>&lt;em&gt;Toyotsu&lt;/em&gt;</strong> agreed");
  });

  it("keeps the text of a tag it has no element for, and of an unclosed one", () => {
    expect(renderToStaticMarkup(<>{markupNodes("a <x>b</x> <y>c", {}, {})}</>)).toBe("a b c");
  });

  it("chooses the plural by count", () => {
    const t = (key: string, options: Record<string, unknown> = {}) =>
      options.count === 1 ? `${key}: <strong>one</strong>` : `${key}: <strong>{{count}}</strong> many`;
    expect(renderToStaticMarkup(<Trans t={t} i18nKey="k" count={3} components={{ strong: <strong /> }} />)).toBe(
      "k: <strong>3</strong> many",
    );
  });
});
