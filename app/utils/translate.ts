/**
 * Messages that travel as English text — zod's validation messages (one schema serves the browser
 * and the action) and the reasons an action refuses — are looked up in the `validation` catalog,
 * whose keys are the English sentences. Templated ones ("{{label}} is required.") match by
 * pattern, and their field label is translated too. Text no catalog knows is shown as it is.
 */
import type { i18n as I18n } from "i18next";

type Bundle = Record<string, string>;

const compiled = new WeakMap<Bundle, { pattern: RegExp; names: string[]; template: string }[]>();

function templatesOf(bundle: Bundle) {
  let list = compiled.get(bundle);
  if (!list) {
    list = Object.entries(bundle)
      .filter(([key]) => key.includes("{{"))
      .map(([key, template]) => {
        const names: string[] = [];
        const source = key
          .split(/(\{\{\w+\}\})/)
          .map((part) => {
            const name = /^\{\{(\w+)\}\}$/.exec(part)?.[1];
            if (name) {
              names.push(name);
              return "(.+?)";
            }
            return part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
          })
          .join("");
        return { pattern: new RegExp(`^${source}$`), names, template };
      });
    compiled.set(bundle, list);
  }
  return list;
}

/** The message in the catalog's language of `bundle`, or the message itself. */
export function translateWith(bundle: Bundle | undefined, message: string): string {
  if (!bundle) return message;
  const exact = bundle[message];
  if (exact !== undefined) return exact;
  for (const { pattern, names, template } of templatesOf(bundle)) {
    const match = pattern.exec(message);
    if (!match) continue;
    return template.replace(/\{\{(\w+)\}\}/g, (_, name: string) => {
      const value = match[names.indexOf(name) + 1] ?? "";
      return bundle[value] ?? value;
    });
  }
  return message;
}

export function translateMessage(i18n: I18n, message: string): string;
export function translateMessage(i18n: I18n, message: string | null | undefined): string | undefined;
export function translateMessage(i18n: I18n, message: string | null | undefined): string | undefined {
  if (!message) return message ?? undefined;
  const bundle = i18n.getResourceBundle(i18n.language, "validation") as Bundle | undefined;
  return translateWith(bundle, message);
}
