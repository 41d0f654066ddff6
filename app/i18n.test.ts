import { describe, expect, it } from "vitest";

import { createI18n, NAMESPACES } from "~/i18n";
import { fixedT } from "~/i18n.server";
import { resources } from "~/locales/resources.server";
import { LOCALES } from "~/utils/preferences";

function keysOf(tree: unknown, prefix = ""): string[] {
  return Object.entries(tree as Record<string, unknown>).flatMap(([k, v]) =>
    typeof v === "string" ? [prefix + k] : keysOf(v, `${prefix}${k}.`),
  );
}

describe("the browser's bundled instance", () => {
  it("gives the same words as i18next for every key, language, value and count", () => {
    for (const locale of LOCALES) {
      const bundled = createI18n(locale, resources[locale]);
      for (const ns of NAMESPACES.filter((n) => n !== "validation")) {
        const server = fixedT(locale, ns);
        const client = bundled.getFixedT(locale, ns);
        const keys = new Set(keysOf(resources[locale][ns]).map((k) => k.replace(/_(one|other)$/, "")));
        for (const key of keys) {
          for (const count of [undefined, 0, 1, 2, 21]) {
            const values = {
              count,
              name: "N",
              date: "D",
              title: "T",
              status: "S",
              text: "X",
              level: "L",
              amount: "A",
              year: "Y",
            };
            expect(client(key, values), `${locale} ${ns}:${key} ${count}`).toBe(server(key, values));
          }
        }
      }
    }
  });

  it("reads ns-prefixed keys and falls back to the default value", () => {
    const t = createI18n("ja", resources.ja).getFixedT("ja", "common");
    expect(t("labels:stance.opposes")).toBe("反対");
    expect(t("labels:material.unobtainium", { defaultValue: "unobtainium" })).toBe("unobtainium");
  });
});
