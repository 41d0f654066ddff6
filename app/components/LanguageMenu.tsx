import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";

import { LOCALES, type Locale } from "~/utils/preferences";

/** Each language named in itself, so a reader finds theirs whatever the page's language is. */
const NATIVE_NAMES: Record<Locale, string> = {
  en: "English",
  ja: "日本語",
  hi: "हिन्दी",
};

/**
 * One submit button per language: works without JavaScript, and a signed-in user's choice is
 * stored (POST /preferences); an anonymous reader's is kept in a cookie. The page then loads
 * anew, with the new language's catalog script (app/utils/catalogs.ts).
 */
export function LanguageMenu({ current, redirectTo }: { current: Locale; redirectTo: string }) {
  const { t } = useTranslation();
  return (
    <Form method="post" action="/preferences" reloadDocument className="language-menu" aria-label={t("language.menuLabel")}>
      <input type="hidden" name="redirectTo" value={redirectTo} />
      <input type="hidden" name="intent" value="language" />
      <ul className="language-menu__list">
        {LOCALES.map((locale) => (
          <li key={locale}>
            <button
              type="submit"
              name="locale"
              value={locale}
              lang={locale}
              className="language-menu__button"
              aria-current={locale === current ? "true" : undefined}
            >
              {NATIVE_NAMES[locale]}
            </button>
          </li>
        ))}
      </ul>
    </Form>
  );
}

export { NATIVE_NAMES };
