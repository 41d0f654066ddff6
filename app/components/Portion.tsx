import { useTranslation } from "react-i18next";

import type { Visibility } from "~db/schema";

/**
 * A portion mark: the level of one item, "(S)", "(I)" or "(R)" (or the reader's language's
 * marks), so a reader can tell line by line what may be shared with the other side. The mark is
 * for the eye; assistive technology hears the level's name.
 */
export function Portion({ level }: { level: Visibility }) {
  const { t } = useTranslation();
  const name = t(`reader:portion.${level}.name`);
  return (
    <span className={`portion portion--${level}`} title={name}>
      <span aria-hidden="true">{t(`reader:portion.${level}.mark`)}</span>
      <span className="visually-hidden">{t("reader:portion.label", { name })}</span>
    </span>
  );
}
